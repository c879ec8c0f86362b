/**
 * A forward proxy on loopback for the proxy tests, as a corporate proxy behaves: `CONNECT host:port`
 * tunnels for https://, absolute-form requests (`GET http://host/path`) for http://, and optional
 * Basic proxy credentials (407 without them). It resolves only the host names it is given, each to a
 * loopback port, so a request that skips the proxy cannot reach the endpoint by that name.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ProxiedRequest {
  kind: 'connect' | 'forward';
  /** `host:port` for a tunnel, the absolute URL for a forwarded request. */
  target: string;
  /** The Proxy-Authorization header as received. */
  authorization?: string;
}

export interface ForwardProxy {
  url: string;
  seen: ProxiedRequest[];
  close(): Promise<void>;
}

export interface ForwardProxyOptions {
  /** Host name → loopback port it stands for. Any other name: 502, as a proxy that cannot resolve it. */
  hosts: Record<string, number>;
  credentials?: { user: string; password: string };
}

export async function startForwardProxy(options: ForwardProxyOptions): Promise<ForwardProxy> {
  const seen: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const expected = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}`
    : undefined;
  const note = (kind: ProxiedRequest['kind'], target: string, req: IncomingMessage): void => {
    const authorization = req.headers['proxy-authorization'];
    seen.push({ kind, target, ...(authorization !== undefined ? { authorization } : {}) });
  };
  const authorized = (req: IncomingMessage): boolean => expected === undefined || req.headers['proxy-authorization'] === expected;
  const portOf = (hostname: string): number | undefined => options.hosts[hostname.toLowerCase()];

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const target = req.url ?? '';
    note('forward', target, req);
    if (!authorized(req)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test proxy"' }).end();
      return;
    }
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      res.writeHead(400).end('absolute-form request expected');
      return;
    }
    const port = portOf(url.hostname);
    if (port === undefined) {
      res.writeHead(502).end(`cannot resolve ${url.hostname}`);
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = request(
      { host: '127.0.0.1', port, method: req.method, path: `${url.pathname}${url.search}`, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });

  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    note('connect', target, req);
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (!authorized(req)) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test proxy"\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    const port = portOf(target.replace(/:\d+$/, ''));
    if (port === undefined) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
