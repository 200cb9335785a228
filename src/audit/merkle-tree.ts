import { createHash } from 'node:crypto';

/** RFC 9162 section 2.1: a Merkle tree hash over an ordered list of leaves, and proofs that a leaf is in it. */

const LEAF = Buffer.from([0x00]);
const NODE = Buffer.from([0x01]);

const sha256 = (...parts: Buffer[]): Buffer => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest();

export function leafHash(leaf: string): Buffer {
  return sha256(LEAF, Buffer.from(leaf, 'utf8'));
}

function nodeHash(left: Buffer, right: Buffer): Buffer {
  return sha256(NODE, left, right);
}

/** The largest power of two smaller than `n` (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function treeHash(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0]!;
  const k = split(leaves.length);
  return nodeHash(treeHash(leaves.slice(0, k)), treeHash(leaves.slice(k)));
}

/** MTH(D[n]) of the leaves, hex. */
export function merkleRoot(leaves: readonly string[]): string {
  return treeHash(leaves.map(leafHash)).toString('hex');
}

function path(index: number, leaves: readonly Buffer[]): Buffer[] {
  if (leaves.length <= 1) return [];
  const k = split(leaves.length);
  return index < k ? [...path(index, leaves.slice(0, k)), treeHash(leaves.slice(k))] : [...path(index - k, leaves.slice(k)), treeHash(leaves.slice(0, k))];
}

/** PATH(m, D[n]): the audit path of leaf `index`, hex, from the leaf up. */
export function inclusionProof(leaves: readonly string[], index: number): string[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) throw new RangeError(`no leaf ${index} in a tree of ${leaves.length}`);
  return path(index, leaves.map(leafHash)).map((hash) => hash.toString('hex'));
}

/** RFC 9162 section 2.1.3.2: whether `leaf` is leaf `index` of the tree of `treeSize` leaves whose root is `root`. */
export function verifyInclusion(leaf: string, index: number, treeSize: number, proof: readonly string[], root: string): boolean {
  if (!Number.isInteger(index) || index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash(leaf);
  for (const hex of proof) {
    const p = Buffer.from(hex, 'hex');
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.toString('hex') === root;
}
