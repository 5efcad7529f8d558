// net/firewall-disable: switching a host firewall off or wide open (Linux, macOS, Windows).

import { test } from 'node:test';
import { assertAllowed, assertBlocked, nameOf, type Invalid, type Valid } from '../../helpers.js';

const R = 'net/firewall-disable';

const valid: Valid[] = [
  { cmd: 'ufw status verbose' },
  { cmd: 'sudo ufw allow 22/tcp' },
  { cmd: 'ufw enable' },
  { cmd: 'ufw default allow outgoing' },
  { cmd: 'ufw default deny incoming' },
  { cmd: 'iptables -L -n' },
  { cmd: 'iptables -nvL' },
  { cmd: 'iptables -A INPUT -p tcp --dport 22 -j ACCEPT' },
  { cmd: 'iptables -A INPUT -s 0.0.0.0/0 -j DROP' },
  { cmd: 'iptables -t nat -F', note: 'NAT rules, not filtering' },
  { cmd: 'iptables -P OUTPUT ACCEPT' },
  { cmd: 'nft list ruleset' },
  { cmd: 'systemctl status firewalld' },
  { cmd: 'systemctl stop nginx' },
  { cmd: 'systemctl restart ufw' },
  { cmd: 'service ufw status' },
  { cmd: 'pfctl -s rules' },
  { cmd: 'netsh advfirewall show allprofiles' },
  { cmd: 'firewall-cmd --add-port=8080/tcp' },
  { cmd: 'defaults read com.apple.alf globalstate' },
  { cmd: 'echo "sudo ufw disable"' },
  { cmd: 'git commit -m "never run iptables -F in prod"' },
  { cmd: 'grep -rn "ufw disable" docs' },
  { cmd: 'cat > fw.sh <<EOF\nufw disable\nEOF' },
  { cmd: 'ufw status # ufw disable' },
];

const invalid: Invalid[] = [
  { cmd: 'ufw disable', ruleId: R, messageId: 'firewall' },
  { cmd: 'sudo ufw disable', ruleId: R, messageId: 'firewall' },
  { cmd: 'ufw --force reset', ruleId: R, messageId: 'firewall' },
  { cmd: 'ufw default allow', ruleId: R, messageId: 'firewall' },
  { cmd: 'ufw default allow incoming', ruleId: R, messageId: 'firewall' },
  { cmd: 'iptables -F', ruleId: R, messageId: 'firewall' },
  { cmd: 'iptables --flush', ruleId: R, messageId: 'firewall' },
  { cmd: 'iptables -F INPUT', ruleId: R, messageId: 'firewall' },
  { cmd: 'iptables -t filter -F', ruleId: R, messageId: 'firewall' },
  { cmd: 'ip6tables -F', ruleId: R, messageId: 'firewall' },
  { cmd: 'iptables -X', ruleId: R, messageId: 'firewall' },
  { cmd: 'iptables -P INPUT ACCEPT', ruleId: R, messageId: 'firewall' },
  { cmd: 'iptables --policy FORWARD ACCEPT', ruleId: R, messageId: 'firewall' },
  { cmd: 'nft flush ruleset', ruleId: R, messageId: 'firewall' },
  { cmd: 'nft delete table inet filter', ruleId: R, messageId: 'firewall' },
  { cmd: 'systemctl stop firewalld', ruleId: R, messageId: 'firewall' },
  { cmd: 'systemctl disable --now ufw.service', ruleId: R, messageId: 'firewall' },
  { cmd: 'systemctl mask nftables', ruleId: R, messageId: 'firewall' },
  { cmd: 'service ufw stop', ruleId: R, messageId: 'firewall' },
  { cmd: 'pfctl -d', ruleId: R, messageId: 'firewall' },
  { cmd: 'pfctl -F all', ruleId: R, messageId: 'firewall' },
  { cmd: 'netsh advfirewall set allprofiles state off', ruleId: R, messageId: 'firewall' },
  { cmd: 'netsh AdvFirewall Set CurrentProfile State Off', ruleId: R, messageId: 'firewall' },
  { cmd: 'netsh firewall set opmode disable', ruleId: R, messageId: 'firewall' },
  { cmd: 'firewall-cmd --set-default-zone=trusted', ruleId: R, messageId: 'firewall' },
  { cmd: '/usr/libexec/ApplicationFirewall/socketfilterfw --setglobalstate off', ruleId: R, messageId: 'firewall' },
  { cmd: 'defaults write /Library/Preferences/com.apple.alf globalstate -int 0', ruleId: R, messageId: 'firewall' },
  { cmd: 'pwsh -Command "Set-NetFirewallProfile -Profile Domain,Public,Private -Enabled False"', ruleId: R, messageId: 'firewall' },
  { cmd: 'sudo -n /usr/sbin/iptables -F', ruleId: R },
  { cmd: "sudo sh -c 'iptables -F && iptables -X'", ruleId: R },
  { cmd: 'ufw status && sudo ufw disable', ruleId: R },
  { cmd: '"ufw" disable', ruleId: R },
  { cmd: 'ufw disable', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

for (const c of valid) {
  void test(nameOf(c), () => {
    assertAllowed(c.cmd, c.opts);
  });
}
for (const c of invalid) {
  void test(nameOf(c), () => {
    assertBlocked(c.cmd, c.ruleId, { ...c.opts, action: c.action ?? 'ask', messageId: c.messageId });
  });
}
