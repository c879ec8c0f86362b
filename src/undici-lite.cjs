'use strict';
// The parts of undici this action runs, and all that @actions/http-client imports from it (ProxyAgent).
// The build resolves every `undici` import in the bundle to this file (tsconfig.build.json), which
// leaves out fetch, WebSocket, EventSource, the cache and the mocks: about 400 kB the action never runs.
// The same package and version as @actions/http-client's, so the bundle holds one undici.
const Dispatcher = require('undici/lib/dispatcher/dispatcher.js');
const Agent = require('undici/lib/dispatcher/agent.js');
const ProxyAgent = require('undici/lib/dispatcher/proxy-agent.js');
const api = require('undici/lib/api/index.js');

// As undici's own entry point does: every dispatcher gets request(), stream(), connect()...
Object.assign(Dispatcher.prototype, api);

module.exports = { Agent, ProxyAgent };
