'use strict';
// What undici's HTTP/2 client reads from node:http2 when it is loaded: the header-name constants at once,
// `connect` only once a server has agreed to HTTP/2 (never, unless a dispatcher sets allowH2). Loading
// node:http2 itself costs about 4 ms of every start; the build points undici's `require('node:http2')`
// here so it is loaded on first use instead (the "deferred http2" trick of seam.mjs, whose build check compares the
// constants with node:http2's; __tests__/e2e/bundle.test.ts opens a real session through connect).
const real = () => process.getBuiltinModule('node:http2');

module.exports = {
  constants: {
    HTTP2_HEADER_AUTHORITY: ':authority',
    HTTP2_HEADER_METHOD: ':method',
    HTTP2_HEADER_PATH: ':path',
    HTTP2_HEADER_SCHEME: ':scheme',
    HTTP2_HEADER_CONTENT_LENGTH: 'content-length',
    HTTP2_HEADER_EXPECT: 'expect',
    HTTP2_HEADER_STATUS: ':status',
  },
  connect: (...args) => real().connect(...args),
};
