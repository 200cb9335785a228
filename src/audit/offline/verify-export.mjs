#!/usr/bin/env node
// Verifies an `export-audit` file with nothing but Node.js (18 or later): no install, no database.
// Usage: node verify-export.mjs export.jsonl [--public-key key.pem]
// Exit code 0: every event's hash recomputes, each stream's exported events form an unbroken chain that
// reaches a head the checkpoint signed, and the signature holds. 1: anything else (the reasons are printed).
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
  if (trailer?.kind !== 'checkpoint') problems.push('the last line is not the checkpoint: the file is truncated');
  const events = records.filter((record) => record.kind === 'event');
  if (records.length - events.length !== 1) problems.push('expected exactly one checkpoint line');

  const checkpoint = trailer?.checkpoint ?? null;
  const heads = new Map();
  if (!checkpoint) problems.push('the export carries no signed checkpoint: run `checkpoint`, then export again');
  else {
    const publicKey = createPublicKey(pinnedKeyFile ? readFileSync(pinnedKeyFile, 'utf8') : trailer.publicKeyPem);
    const keyId = sha256(publicKey.export({ type: 'spki', format: 'der' })).slice(0, 16);
    if (checkpoint.statement.keyId !== keyId) problems.push(`the checkpoint was signed by key ${checkpoint.statement.keyId}, not by key ${keyId}`);
    if (!verify(null, Buffer.from(canonicalize(checkpoint.statement)), publicKey, Buffer.from(checkpoint.signature, 'base64'))) {
      problems.push('the checkpoint signature does not verify');
    }
    const sorted = [...checkpoint.heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
    if (sha256(canonicalize(sorted)) !== checkpoint.statement.headsDigest) problems.push('the signed heads digest does not match the heads');
    for (const head of checkpoint.heads) heads.set(head.streamId, head);
    if (!pinnedKeyFile) process.stdout.write(`key ${keyId} taken from the file: compare it with the key id you hold, or pass --public-key\n`);
  }

  const streams = new Map();
  for (const event of events) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  for (const [streamId, chain] of streams) {
    chain.sort((a, b) => a.streamVersion - b.streamVersion);
    chain.forEach((event, index) => {
      const at = `${streamId} v${event.streamVersion}`;
      if (chainHash(event) !== event.hash) problems.push(`${at}: the hash does not recompute (the event was changed)`);
      const before = chain[index - 1];
      if (before && event.streamVersion !== before.streamVersion + 1)
        problems.push(`${at}: versions ${before.streamVersion + 1}..${event.streamVersion - 1} are missing`);
      else if (before && event.previousHash !== before.hash) problems.push(`${at}: the previous hash does not link to v${before.streamVersion}`);
      else if (!before && event.streamVersion === 1 && event.previousHash !== null) problems.push(`${at}: the first event links to a previous hash`);
    });
    const head = heads.get(streamId);
    const last = chain.at(-1);
    if (!head) problems.push(`${streamId}: the checkpoint signs no head of this stream`);
    else if (last.streamVersion < head.streamVersion)
      problems.push(`${streamId}: ends at v${last.streamVersion}, the signed head is v${head.streamVersion} (events removed)`);
    else {
      const signed = chain.find((event) => event.streamVersion === head.streamVersion);
      if (!signed || signed.hash !== head.hash) problems.push(`${streamId}: v${head.streamVersion} is not the signed head`);
      const unsigned = chain.filter((event) => event.streamVersion > head.streamVersion).length;
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
      `${checkpoint.statement.checkpointId} of ${checkpoint.statement.createdAt}\n`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
