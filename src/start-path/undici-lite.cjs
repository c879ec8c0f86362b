'use strict';
// The parts of undici this action runs: Agent and its request() API. The build resolves every `undici`
// import in the bundle to this file (tsconfig.build.json), which leaves out fetch, WebSocket,
// EventSource, the cache and the mocks: about 400 kB the action never runs. The same package and
// version as @actions/http-client's, so the bundle holds one undici. The "one undici" trick of seam.mjs, which checks it.
const Dispatcher = require('undici/lib/dispatcher/dispatcher.js');
const Agent = require('undici/lib/dispatcher/agent.js');

Dispatcher.prototype.request = require('undici/lib/api/api-request.js');

module.exports = { Agent };

// ProxyAgent (src/http.ts when HTTPS_PROXY/HTTP_PROXY names a proxy for a request, and
// @actions/http-client) needs the rest of the dispatcher API (connect() for the tunnel). A step without
// a proxy never reads it, so it is loaded when first read.
Object.defineProperty(module.exports, 'ProxyAgent', {
  enumerable: true,
  get() {
    Object.assign(Dispatcher.prototype, require('undici/lib/api/index.js'));
    return require('undici/lib/dispatcher/proxy-agent.js');
  },
});
