// net/interface-down: taking this machine off the network (an interface, its addresses, the
// default route, the network service or sshd) asks: on a server that cuts off every connection.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'net/interface-down';

const valid: Valid[] = [
  { cmd: 'ip addr show' },
  { cmd: 'ip a' },
  { cmd: 'ip link show eth0' },
  { cmd: 'ip link set eth0 up' },
  { cmd: 'ip link set eth0 mtu 9000' },
  { cmd: 'ip route show' },
  { cmd: 'ip route add 10.0.0.0/8 via 192.168.1.1' },
  { cmd: 'ip route del 10.0.0.0/8', note: 'one route, not the default one' },
  { cmd: 'ifconfig' },
  { cmd: 'ifconfig eth0' },
  { cmd: 'ifconfig eth0 up' },
  { cmd: 'ifdown --no-act eth0', note: 'a dry run' },
  { cmd: 'nmcli device status' },
  { cmd: 'nmcli connection up home-wifi' },
  { cmd: 'nmcli networking on' },
  { cmd: 'nmcli radio wifi on' },
  { cmd: 'networksetup -listallnetworkservices' },
  { cmd: 'systemctl status NetworkManager' },
  { cmd: 'systemctl restart systemd-networkd' },
  { cmd: 'systemctl stop nginx' },
  { cmd: 'service ssh status' },
  // False-positive traps: the text is data.
  { cmd: 'echo "ip link set eth0 down"' },
  { cmd: 'git commit -m "document: ifconfig eth0 down cuts the box off"' },
  { cmd: "grep -rn 'ifdown' /etc/network/" },
  { cmd: 'ls # ip link set eth0 down' },
];

const invalid: Invalid[] = [
  { cmd: 'ip link set eth0 down', ruleId: R, messageId: 'down' },
  { cmd: 'ip link set dev eth0 down', ruleId: R },
  { cmd: 'sudo ip l s eth0 down', note: 'abbreviated', ruleId: R },
  { cmd: 'ip -4 link set wlan0 down', ruleId: R },
  { cmd: 'ip addr flush dev eth0', ruleId: R },
  { cmd: 'ip a f eth0', ruleId: R },
  { cmd: 'ip route flush table main', ruleId: R },
  { cmd: 'ip route del default', ruleId: R },
  { cmd: 'ip r d default via 192.168.1.1', ruleId: R },
  { cmd: 'ifconfig eth0 down', ruleId: R },
  { cmd: 'sudo ifconfig en0 down', ruleId: R },
  { cmd: 'ifdown eth0', ruleId: R },
  { cmd: 'ifdown -a', ruleId: R },
  { cmd: 'nmcli networking off', ruleId: R },
  { cmd: 'nmcli n off', ruleId: R },
  { cmd: 'nmcli device disconnect eth0', ruleId: R },
  { cmd: 'nmcli dev down wlan0', ruleId: R },
  { cmd: 'nmcli connection down "Wired connection 1"', ruleId: R },
  { cmd: 'nmcli radio all off', ruleId: R },
  { cmd: 'nmcli radio wifi off', ruleId: R },
  { cmd: 'networksetup -setnetworkserviceenabled Wi-Fi off', ruleId: R },
  { cmd: 'networksetup -setairportpower en0 off', ruleId: R },
  { cmd: 'systemctl stop NetworkManager', ruleId: R },
  { cmd: 'sudo systemctl disable --now systemd-networkd.service', ruleId: R },
  { cmd: 'systemctl stop sshd', note: 'the way in to a server', ruleId: R },
  { cmd: 'service networking stop', ruleId: R },
  { cmd: "ssh host 'sudo ip link set eth0 down'", ruleId: R },
  { cmd: "bash -c 'ifconfig eth0 down && sleep 5 && ifconfig eth0 up'", ruleId: R },
  { cmd: 'ip link set eth0 down', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
