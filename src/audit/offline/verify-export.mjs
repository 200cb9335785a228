#!/usr/bin/env node
// Verifies an `export-audit` file with nothing but Node.js (18 or later): no install, no database.
// Usage: node verify-export.mjs export.jsonl [--public-key key.pem]
// Exit code 0: the manifest of the streams exported is signed and the file carries every line it lists;
// every event's hash recomputes; each stream's lines form an unbroken chain that reaches its head, which an
// inclusion proof places in the Merkle root the checkpoint signed. 1: anything else (the reasons are printed).
import { Buffer } from 'node:buffer';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import process from 'node:process';

/** RFC 8785 (JCS): keys sorted by UTF-16 code units, ECMAScript serialization of strings and numbers. */
function canonicalize(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalize(value[key])}`).join(',')}}`;
}

const sha256 = (...parts) => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest('hex');

/** The same bytes as src/event-store/hash-chain.ts: domain tag, canonical event, previous hash. */
function chainHash(event) {
  const canonical = canonicalize({
    streamId: event.streamId,
    streamType: event.streamType,
    streamVersion: event.streamVersion,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
  });
  return sha256('disciplina:event-chain:v1', '\n', canonical, '\n', event.previousHash ?? '');
}

const hashOf = (...parts) => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest();

/** RFC 9162 section 2.1.3.2, as src/audit/merkle-tree.ts: leaf = SHA-256(0x00 || leaf), node = SHA-256(0x01 || left || right). */
function verifyInclusion(leaf, index, treeSize, proof, root) {
  if (!Number.isInteger(index) || !Number.isInteger(treeSize) || index < 0 || index >= treeSize || !Array.isArray(proof)) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = hashOf(Buffer.from([0]), Buffer.from(leaf, 'utf8'));
  for (const hex of proof) {
    const p = Buffer.from(hex, 'hex');
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashOf(Buffer.from([1]), p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else r = hashOf(Buffer.from([1]), r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.toString('hex') === root;
}

function main(argv) {
  const [file, flag, pinnedKeyFile] = argv;
  if (!file || (flag !== undefined && (flag !== '--public-key' || !pinnedKeyFile))) {
    process.stderr.write('Usage: node verify-export.mjs export.jsonl [--public-key key.pem]\n');
    return 2;
  }
  const problems = [];
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  let records;
  try {
    records = lines.map((line) => JSON.parse(line));
  } catch (error) {
    process.stdout.write(`FAILED: a line is not JSON (${error.message})\n`);
    return 1;
  }
  const trailer = records.at(-1);
  const events = records.filter((record) => record.kind === 'event');
  if (trailer?.kind !== 'checkpoint') {
    process.stdout.write('FAILED: the last line is not the checkpoint: the file is truncated\n');
    return 1;
  }
  if (records.length - events.length !== 1) problems.push('expected exactly one checkpoint line');

  const { checkpoint, manifest, manifestSignature } = trailer;
  const publicKey = createPublicKey(pinnedKeyFile ? readFileSync(pinnedKeyFile, 'utf8') : trailer.publicKeyPem);
  const keyId = sha256(publicKey.export({ type: 'spki', format: 'der' })).slice(0, 16);
  const signedBy = (statement, signature) =>
    typeof signature === 'string' && verify(null, Buffer.from(canonicalize(statement)), publicKey, Buffer.from(signature, 'base64'));
  if (!pinnedKeyFile) process.stdout.write(`key ${keyId} taken from the file: compare it with the key id you hold, or pass --public-key\n`);
  if (!manifest || !signedBy(manifest, manifestSignature)) {
    process.stdout.write('FAILED: the manifest of the streams exported is missing or its signature does not verify\n');
    return 1;
  }
  if (manifest.keyId !== keyId) problems.push(`the manifest was signed by key ${manifest.keyId}, not by key ${keyId}`);
  const statement = checkpoint?.statement;
  if (!statement) problems.push('the export carries no signed checkpoint: run `checkpoint`, then export again');
  else {
    if (statement.keyId !== keyId) problems.push(`the checkpoint was signed by key ${statement.keyId}, not by key ${keyId}`);
    if (!signedBy(statement, checkpoint.signature)) problems.push('the checkpoint signature does not verify');
    if (manifest.checkpointId !== statement.checkpointId)
      problems.push(`the manifest names checkpoint ${manifest.checkpointId}, the file carries ${statement.checkpointId}`);
    if (typeof statement.headsRoot !== 'string') problems.push('the checkpoint predates signed Merkle roots: run `checkpoint`, then export again');
  }

  const streams = new Map();
  for (const event of events) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  const listed = new Set(manifest.streams.map((stream) => stream.streamId));
  for (const streamId of streams.keys()) if (!listed.has(streamId)) problems.push(`${streamId}: its lines are not in the signed manifest`);
  for (const stream of manifest.streams) {
    const { streamId, fromVersion, toVersion, signedHead } = stream;
    const chain = (streams.get(streamId) ?? []).sort((a, b) => a.streamVersion - b.streamVersion);
    if (chain.length === 0) {
      problems.push(`${streamId}: the manifest lists it (v${fromVersion}..v${toVersion}), the file carries none of its lines (stream removed)`);
      continue;
    }
    const versions = new Set(chain.map((event) => event.streamVersion));
    const absent = [];
    for (let version = fromVersion; version <= toVersion; version++) if (!versions.has(version)) absent.push(version);
    if (absent.length > 0) problems.push(`${streamId}: the manifest lists v${fromVersion}..v${toVersion}, v${absent.join(', v')} missing (lines removed)`);
    if (chain[0].streamVersion < fromVersion || chain.at(-1).streamVersion > toVersion || versions.size !== chain.length)
      problems.push(`${streamId}: lines outside v${fromVersion}..v${toVersion}, or repeated, that the manifest does not list`);
    chain.forEach((event, index) => {
      const at = `${streamId} v${event.streamVersion}`;
      if (chainHash(event) !== event.hash) problems.push(`${at}: the hash does not recompute (the event was changed)`);
      const before = chain[index - 1];
      if (before && event.streamVersion === before.streamVersion + 1 && event.previousHash !== before.hash)
        problems.push(`${at}: the previous hash does not link to v${before.streamVersion}`);
      else if (!before && event.streamVersion === 1 && event.previousHash !== null) problems.push(`${at}: the first event links to a previous hash`);
    });
    if (!signedHead) problems.push(`${streamId}: the checkpoint signs no head of this stream`);
    else if (statement?.headsRoot) {
      const leaf = canonicalize({ streamId, streamVersion: signedHead.streamVersion, hash: signedHead.hash });
      if (!verifyInclusion(leaf, signedHead.leafIndex, statement.streams, signedHead.inclusionProof, statement.headsRoot))
        problems.push(`${streamId}: the inclusion proof of its head v${signedHead.streamVersion} does not reach the signed Merkle root`);
      const signed = chain.find((event) => event.streamVersion === signedHead.streamVersion);
      if (!signed || signed.hash !== signedHead.hash)
        problems.push(`${streamId}: v${signedHead.streamVersion} is not the signed head (events removed or changed)`);
      const unsigned = chain.filter((event) => event.streamVersion > signedHead.streamVersion).length;
      if (unsigned > 0) problems.push(`${streamId}: ${unsigned} events after the signed head are not covered by the checkpoint`);
    }
  }

  if (problems.length > 0) {
    for (const problem of problems) process.stdout.write(`FAILED: ${problem}\n`);
    return 1;
  }
  const inPeriod = events.filter((event) => event.inPeriod).length;
  process.stdout.write(
    `OK: ${events.length} events (${inPeriod} in the period) in ${streams.size} streams, chained to heads signed by checkpoint ` +
      `${statement.checkpointId} of ${statement.createdAt}\n`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
