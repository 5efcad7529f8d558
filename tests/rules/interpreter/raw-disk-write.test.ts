// interp/raw-disk-write: a one-liner opens a whole disk or partition for writing. Reading a device,
// writing a regular file, and text that mentions a device pass.

import { tableTests, type Invalid, type Valid } from '../../helpers.js';

const R = 'interp/raw-disk-write';

const valid: Valid[] = [
  { cmd: `python3 -c "print(open('/dev/sda', 'rb').read(512))"`, note: 'reading' },
  { cmd: `python3 -c "open('/dev/null', 'w').write('x')"` },
  { cmd: `python3 -c "open('out.bin', 'wb').write(b'\\0' * 512)"` },
  { cmd: `node -e "require('fs').readFileSync('/dev/nvme0n1')"` },
  { cmd: `node -e "require('fs').writeFileSync('/dev/stdout', 'hi')"` },
  { cmd: `echo "open('/dev/sda', 'wb')"` },
  { cmd: `python3 -c "print('/dev/sda')"` },
];

const invalid: Invalid[] = [
  { cmd: `python3 -c "open('/dev/sda', 'wb').write(b'\\0' * 512)"`, ruleId: R, messageId: 'device' },
  { cmd: `python3 -c "f = open('/dev/disk2', 'r+b'); f.write(bytes(4096))"`, ruleId: R },
  { cmd: `python3 -c "import os; fd = os.open('/dev/nvme0n1', os.O_WRONLY); os.write(fd, b'x')"`, ruleId: R },
  { cmd: `python3 -c "open(mode='wb', file='/dev/sdb').write(b'x')"`, note: 'keyword arguments', ruleId: R },
  { cmd: `sudo python3 -c "d = '/dev/sda1'; open(d, 'w').write('x')"`, ruleId: R },
  { cmd: `node -e "require('fs').writeFileSync('/dev/nvme0n1', Buffer.alloc(512))"`, ruleId: R },
  { cmd: `node -e "const fd = require('fs').openSync('/dev/sda', 'r+'); require('fs').writeSync(fd, 'x')"`, ruleId: R },
  { cmd: `ruby -e 'File.open("/dev/sdb", "wb") { |f| f.write("\\0" * 512) }'`, ruleId: R },
  { cmd: `ruby -e 'File.write("/dev/disk3", "x")'`, ruleId: R },
  { cmd: `perl -e 'open(my $f, ">", "/dev/sda"); print $f "x"'`, ruleId: R },
  { cmd: `perl -e 'open(F, ">/dev/mmcblk0"); print F "x"'`, ruleId: R },
  { cmd: `php -r 'file_put_contents("/dev/sda", str_repeat("\\0", 512));'`, ruleId: R },
  { cmd: `php -r '$f = fopen("/dev/sdc", "w"); fwrite($f, "x");'`, ruleId: R },
  { cmd: `deno eval "Deno.writeFileSync('/dev/disk0', new Uint8Array(512))"`, ruleId: R },
];

tableTests(valid, invalid, 'deny');
