// Preloaded with --require by __tests__/e2e/bundle.test.ts: when the process exits, writes the Node
// built-in modules it loaded, one per line, to $LOADED_BUILTINS_FILE, and, where $LOADED_FILES_FILE is
// set, the files it imported as ES modules (dist/ chunks among them), one path per line.
'use strict';
const { writeFileSync } = require('node:fs');
const { registerHooks } = require('node:module');
const { fileURLToPath } = require('node:url');

const files = [];
if (process.env.LOADED_FILES_FILE) {
  registerHooks({
    load(url, context, nextLoad) {
      if (url.startsWith('file:')) files.push(fileURLToPath(url));
      return nextLoad(url, context);
    },
  });
}

process.on('exit', () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
  if (process.env.LOADED_BUILTINS_FILE) writeFileSync(process.env.LOADED_BUILTINS_FILE, builtins.join('\n'));
  if (process.env.LOADED_FILES_FILE) writeFileSync(process.env.LOADED_FILES_FILE, files.join('\n'));
});
