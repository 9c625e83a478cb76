import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedCall = {
  path: string;
  idempotencyKey: string;
  authorization: string;
  body: Record<string, unknown>;
  status: number;
};

export type FakeNationalPortalOptions = {
  /** The first this many calls get 503, as from a system that is down. */
  failFirst?: number;
  /** The call with this number among the successful ones waits until `release()`. */
  holdSuccess?: number;
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Starts a stand-in for a national system on 127.0.0.1, over real HTTP. It applies each
 * idempotency key once, as the real receiver must. A second call with a key already applied
 * gets 200 and changes nothing, so `appliedKeys` contains each key once however often it came.
 */
export async function startFakeNationalPortal(options: FakeNationalPortalOptions = {}) {
  const calls: ReceivedCall[] = [];
  const appliedKeys = new Map<string, Record<string, unknown>>();
  let successes = 0;
  let releaseHeld: () => void = () => {};
  const heldCallReleased = new Promise<void>((resolve) => {
    releaseHeld = resolve;
  });
  let noticeHeld: () => void = () => {};
  const isHeld = new Promise<void>((resolve) => {
    noticeHeld = resolve;
  });

  const server: Server = createServer(async (request, response) => {
    const body = JSON.parse((await readBody(request)) || '{}') as Record<string, unknown>;
    const call: ReceivedCall = {
      path: request.url ?? '',
      idempotencyKey: String(request.headers['idempotency-key'] ?? ''),
      authorization: String(request.headers.authorization ?? ''),
      body,
      status: 200,
    };
    if (calls.length < (options.failFirst ?? 0)) {
      call.status = 503;
      calls.push(call);
      response.writeHead(503).end();
      return;
    }
    calls.push(call);
    successes += 1;
    if (successes === options.holdSuccess) {
      noticeHeld();
      await heldCallReleased;
    }
    if (!appliedKeys.has(call.idempotencyKey)) {
      appliedKeys.set(call.idempotencyKey, body);
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    calls,
    appliedKeys,
    /** Resolves once the held call has arrived. */
    whenHeld: () => isHeld,
    release: () => releaseHeld(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        releaseHeld();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
