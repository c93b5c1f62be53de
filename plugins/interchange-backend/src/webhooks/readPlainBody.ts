import type { IncomingMessage } from 'node:http';

type Request = IncomingMessage & { body?: unknown; _body?: boolean };

/**
 * Reads the body of the common inbound delivery, one with a Content-Length
 * within `limit` and no Content-Encoding, into a Buffer at `req.body`, then
 * calls `next`. Returns false, reading nothing, for any other request
 * (compressed, chunked, too big, already read): body-parser reads those,
 * with its own answers (415, 413, ...).
 *
 * Why not body-parser for all: its content-type parsing, stream wrapping
 * and listener bookkeeping were a visible part of the receiver's CPU time
 * per delivery (`yarn bench:webhooks`). Node's HTTP parser already
 * delivers exactly Content-Length bytes, so only an aborted request can
 * end short, and it gets body-parser's answer (400, `request.aborted`).
 * Like body-parser, this marks the request read (`_body`), so the JSON
 * parser after it leaves the body alone.
 */
export function readPlainBody(
  req: Request,
  limit: number,
  next: (error?: unknown) => void,
): boolean {
  const { headers } = req;
  const encoding = headers['content-encoding'];
  const lengthHeader = headers['content-length'];
  if (
    req._body ||
    !req.readable ||
    lengthHeader === undefined ||
    headers['transfer-encoding'] !== undefined ||
    (encoding !== undefined && encoding.toLowerCase() !== 'identity')
  ) {
    return false;
  }
  const length = Number(lengthHeader);
  if (!Number.isSafeInteger(length) || length > limit) {
    return false;
  }
  req._body = true;
  const chunks: Buffer[] = [];
  let settled = false;
  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
  };
  const onEnd = () => {
    if (settled) {
      return;
    }
    settled = true;
    req.body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    next();
  };
  const onAborted = () => {
    if (settled) {
      return;
    }
    settled = true;
    const received = chunks.reduce((n, c) => n + c.length, 0);
    next(
      Object.assign(new Error('request aborted'), {
        status: 400,
        statusCode: 400,
        expose: true,
        code: 'ECONNABORTED',
        type: 'request.aborted',
        expected: length,
        length,
        received,
      }),
    );
  };
  // The listeners stay: the request ends here, and a late 'error' after an
  // abort then finds a listener that ignores it.
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('aborted', onAborted);
  req.on('error', onAborted);
  return true;
}
