// Tests only: the domain program is compiled without Node's types (tsconfig `types: []`) so that sources cannot
// lean on platform APIs. The audit-chain tests hash with Node's sha256; this is the one signature they use.
declare module 'node:crypto' {
  interface Hash {
    update(data: string, inputEncoding?: 'utf8'): Hash;
    digest(encoding: 'hex'): string;
  }
  export function createHash(algorithm: 'sha256'): Hash;
}
