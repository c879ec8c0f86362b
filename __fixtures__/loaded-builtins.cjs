// Preloaded with --require by __tests__/e2e/bundle.test.ts: when the process exits, writes the Node
// built-in modules it loaded, one per line, to $LOADED_BUILTINS_FILE.
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  writeFileSync(process.env.LOADED_BUILTINS_FILE, builtins.join('\n'));
});
