// An independent reader of our receipts: the npm package npos (0.1.19) tokenizes ESC/POS bytes, and
// we print the text it finds. Usage: node check.js <receipt.bin> <encoding: cp858 | cp437 | gb18030>
// Prints {"ok": true, "text": "..."} or {"ok": false, "error": "..."}.
'use strict';

const fs = require('fs');
const npos = require('npos');
const iconv = require('iconv-lite');

// npos 0.1.19 has no rule for GS ( k (QR codes and other 2D symbols): pL pH and that many bytes.
const rules = JSON.parse(JSON.stringify(npos.rules));
rules[npos.symbols.GS]['(k'] = [0, 'd16'];

const [file, encoding] = process.argv.slice(2);
npos.parser(rules).parse(fs.readFileSync(file)).then((ast) => {
  const text = ast.entries.filter((entry) => entry.type === 'text')
    .map((entry) => iconv.decode(entry.data, encoding)).join('');
  process.stdout.write(JSON.stringify({ ok: true, text }));
}, (error) => {
  process.stdout.write(JSON.stringify({ ok: false, error: String(error && error.message || error) }));
});
