import { createHash } from 'node:crypto';
import { inclusionProof, leafHash, merkleRoot, verifyInclusion } from './merkle-tree.js';

const sha256 = (...parts: Buffer[]) => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest('hex');
const node = (left: string, right: string) => sha256(Buffer.from([1]), Buffer.from(left, 'hex'), Buffer.from(right, 'hex'));
const leaf = (text: string) => leafHash(text).toString('hex');
const leaves = (n: number) => Array.from({ length: n }, (_, i) => `leaf-${i}`);

describe('Merkle tree hash and inclusion proofs (RFC 9162 section 2.1)', () => {
  it('hashes the empty tree as SHA-256 of nothing and a leaf with the 0x00 prefix', () => {
    expect(merkleRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(merkleRoot([''])).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
  });

  it('splits at the largest power of two below the size, and joins nodes with the 0x01 prefix', () => {
    const [a, b, c, d, e] = leaves(5).map(leaf);
    expect(merkleRoot(leaves(3))).toBe(node(node(a!, b!), c!));
    expect(merkleRoot(leaves(5))).toBe(node(node(node(a!, b!), node(c!, d!)), e!));
  });

  it('proves every leaf of trees of 1 to 33 leaves', () => {
    for (let size = 1; size <= 33; size++) {
      const list = leaves(size);
      const root = merkleRoot(list);
      list.forEach((value, index) => expect(verifyInclusion(value, index, size, inclusionProof(list, index), root)).toBe(true));
    }
  });

  it('refuses a proof for another leaf, index or root, and a changed or shortened path', () => {
    const list = leaves(11);
    const root = merkleRoot(list);
    const proof = inclusionProof(list, 6);
    expect(verifyInclusion('leaf-7', 6, 11, proof, root)).toBe(false);
    expect(verifyInclusion('leaf-6', 7, 11, proof, root)).toBe(false);
    expect(verifyInclusion('leaf-6', 6, 11, proof, merkleRoot(list.slice(0, 10)))).toBe(false);
    expect(verifyInclusion('leaf-6', 6, 11, [...proof.slice(0, -1), 'ab'.repeat(32)], root)).toBe(false);
    expect(verifyInclusion('leaf-6', 6, 11, proof.slice(0, -1), root)).toBe(false);
    expect(verifyInclusion('leaf-6', 11, 11, proof, root)).toBe(false);
    expect(verifyInclusion('leaf-6', 6, 5, proof, root)).toBe(false);
  });
});
