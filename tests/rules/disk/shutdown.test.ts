// disk/shutdown: shutdown, reboot, halt, poweroff, `init`/`telinit 0|1|6`, systemctl power verbs
// and targets ask (deny under strict); cancelling, warning and status queries pass.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'disk/shutdown';

const valid: Valid[] = [
  { cmd: 'shutdown -c' },
  { cmd: 'shutdown -k +5 "maintenance soon"', note: 'only warns' },
  { cmd: 'shutdown --help' },
  { cmd: 'reboot --help' },
  { cmd: 'poweroff --wtmp-only' },
  { cmd: 'systemctl status nginx' },
  { cmd: 'systemctl restart nginx' },
  { cmd: 'systemctl --user start my.service' },
  { cmd: 'systemctl is-system-running' },
  { cmd: 'systemctl list-units --type=target' },
  { cmd: 'systemctl start -H host nginx', note: '-H takes a value' },
  { cmd: 'init q', note: 're-reads inittab' },
  { cmd: 'telinit 3' },
  { cmd: 'last reboot' },
  { cmd: 'who -b' },
  { cmd: 'uptime' },
  // False-positive traps: the dangerous text is data, not a command.
  { cmd: 'echo "sudo reboot"' },
  { cmd: "printf 'shutdown -h now\\n'" },
  { cmd: 'grep -rn "systemctl reboot" docs/' },
  { cmd: 'git commit -m "reboot after kernel update"' },
  { cmd: 'ls # shutdown now' },
  { cmd: 'cat <<EOF > notes.md\nsudo shutdown -r now\nEOF' },
];

const invalid: Invalid[] = [
  { cmd: 'reboot', ruleId: R, messageId: 'power' },
  { cmd: 'sudo reboot', ruleId: R },
  { cmd: 'reboot -f', ruleId: R },
  { cmd: 'halt', ruleId: R },
  { cmd: 'poweroff', ruleId: R },
  { cmd: 'shutdown now', ruleId: R },
  { cmd: 'shutdown -h now', ruleId: R },
  { cmd: 'shutdown -r +1', ruleId: R },
  { cmd: 'shutdown -P 23:00', ruleId: R },
  { cmd: 'init 0', ruleId: R },
  { cmd: 'init 6', ruleId: R },
  { cmd: 'telinit 1', ruleId: R },
  { cmd: 'telinit S', ruleId: R },
  { cmd: 'systemctl reboot', ruleId: R },
  { cmd: 'systemctl poweroff -i', ruleId: R },
  { cmd: 'systemctl --force reboot', ruleId: R },
  { cmd: 'systemctl halt', ruleId: R },
  { cmd: 'systemctl kexec', ruleId: R },
  { cmd: 'systemctl soft-reboot', ruleId: R },
  { cmd: 'systemctl rescue', ruleId: R },
  { cmd: 'systemctl suspend', ruleId: R },
  { cmd: 'systemctl isolate rescue.target', ruleId: R },
  { cmd: 'systemctl start reboot.target', ruleId: R },
  { cmd: 'systemctl -H prod reboot', note: 'a remote machine', ruleId: R },
  { cmd: '/sbin/reboot', ruleId: R },
  { cmd: 'sudo -n /usr/sbin/shutdown -r now', ruleId: R },
  { cmd: "re''boot", ruleId: R },
  { cmd: "bash -c 'sudo reboot'", ruleId: R },
  { cmd: 'echo $(reboot)', ruleId: R },
  { cmd: "ssh-keygen -A && sh -c 'shutdown -r now'", ruleId: R },
  { cmd: 'apt-get upgrade -y && reboot', ruleId: R },
  { cmd: 'sleep 60; reboot &', ruleId: R },
  { cmd: 'reboot', note: 'strict preset', ruleId: R, action: 'deny', opts: { policy: 'preset: strict\n' } },
];

tableTests(valid, invalid, 'ask');
