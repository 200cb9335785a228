import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export const SCRAM_SHA_256 = 'SCRAM-SHA-256';
const ITERATIONS = 4096;
const PRINTABLE = /^[\x21-\x2b\x2d-\x7e]+$/;

export interface ScramExchange {
  readonly serverFirst: string;
  /** The server's final message if the client's proof holds, else undefined. */
  finish(clientFinal: string): string | undefined;
}

function hmac(key: Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text).digest();
}

function attributes(text: string): Map<string, string> {
  return new Map(text.split(',').map((pair) => [pair.slice(0, 2), pair.slice(2)]));
}

/**
 * The server side of SCRAM-SHA-256 (RFC 5802 and 7677, without channel binding), as PostgreSQL speaks it:
 * the client proves it knows the password without sending it, and checks that the server knows it too.
 * The password must be ASCII: it is not SASLprep-normalized here.
 */
export class ScramVerifier {
  private readonly salt = randomBytes(16);
  private readonly storedKey: Buffer;
  private readonly serverKey: Buffer;

  constructor(password: string) {
    const salted = pbkdf2Sync(password, this.salt, ITERATIONS, 32, 'sha256');
    this.storedKey = createHash('sha256').update(hmac(salted, 'Client Key')).digest();
    this.serverKey = hmac(salted, 'Server Key');
  }

  /** Answers a client-first-message; undefined if it is not one this server accepts. */
  begin(clientFirst: string): ScramExchange | undefined {
    const header = /^([ny]),(a=[^,]*)?,/.exec(clientFirst);
    if (!header) return undefined;
    const clientFirstBare = clientFirst.slice(header[0].length);
    const clientNonce = attributes(clientFirstBare).get('r=');
    if (!clientNonce || !PRINTABLE.test(clientNonce)) return undefined;
    const nonce = clientNonce + randomBytes(18).toString('base64');
    const serverFirst = `r=${nonce},s=${this.salt.toString('base64')},i=${ITERATIONS}`;
    const binding = Buffer.from(header[0]).toString('base64');
    return {
      serverFirst,
      finish: (clientFinal) => {
        const proofAt = clientFinal.lastIndexOf(',p=');
        if (proofAt === -1) return undefined;
        const withoutProof = clientFinal.slice(0, proofAt);
        const fields = attributes(withoutProof);
        if (fields.get('c=') !== binding || fields.get('r=') !== nonce) return undefined;
        const proof = Buffer.from(clientFinal.slice(proofAt + 3), 'base64');
        if (proof.length !== this.storedKey.length) return undefined;
        const authMessage = `${clientFirstBare},${serverFirst},${withoutProof}`;
        const signature = hmac(this.storedKey, authMessage);
        const clientKey = Buffer.from(proof.map((byte, i) => byte ^ signature[i]!));
        if (!timingSafeEqual(createHash('sha256').update(clientKey).digest(), this.storedKey)) return undefined;
        return `v=${hmac(this.serverKey, authMessage).toString('base64')}`;
      },
    };
  }
}
