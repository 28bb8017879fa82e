// One GET over a raw socket, so a response can be compared byte for byte: status line, header
// names and order as sent, and the body. Only what the servers here send is supported (Content-Length).
import net from 'node:net';

export interface RawResponse {
  statusLine: string;
  status: number;
  /** Headers in wire order, names as sent. */
  headers: [string, string][];
  body: Buffer;
}

export function rawGet(port: number, path: string, extraHeaders: Record<string, string> = {}, host = '127.0.0.1'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, host);
    const chunks: Buffer[] = [];
    let total = 0;
    sock.setTimeout(10_000, () => sock.destroy(new Error(`GET ${path}: timeout`)));
    sock.on('error', reject);
    sock.on('connect', () => {
      const lines = [`GET ${path} HTTP/1.1`, `Host: ${host}:${port}`, ...Object.entries(extraHeaders).map(([k, v]) => `${k}: ${v}`)];
      sock.write(lines.join('\r\n') + '\r\n\r\n');
    });
    sock.on('data', (d: Buffer) => {
      chunks.push(d);
      total += d.length;
      const buf = Buffer.concat(chunks, total);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine = '', ...lines] = buf.subarray(0, end).toString('latin1').split('\r\n');
      const headers = lines.map((l): [string, string] => {
        const i = l.indexOf(':');
        return [l.slice(0, i), l.slice(i + 1).trim()];
      });
      const len = headers.find(([k]) => k.toLowerCase() === 'content-length');
      if (!len) {
        sock.destroy();
        return reject(new Error(`GET ${path}: no Content-Length (chunked responses are not supported here)`));
      }
      const bodyLen = Number(len[1]);
      if (buf.length < end + 4 + bodyLen) return;
      sock.end();
      resolve({ statusLine, status: Number(statusLine.split(' ')[1]), headers, body: buf.subarray(end + 4, end + 4 + bodyLen) });
    });
  });
}

export function header(r: RawResponse, name: string): string | undefined {
  return r.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
}
