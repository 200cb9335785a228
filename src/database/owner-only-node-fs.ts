import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type PostgresModule = Parameters<NodeFS['init']>[1];

/** The parts of Emscripten's NODEFS that set the rights of a file on disk. */
interface NodeFsRights {
  setattr(path: unknown, node: unknown, attributes: { mode?: number }, ...rest: unknown[]): void;
  node_ops: { mknod(parent: unknown, name: string, mode: number, dev: unknown): unknown };
}

const GROUP_AND_OTHERS = 0o077;

function ownerOnly(nodefs: Partial<NodeFsRights>): void {
  if (typeof nodefs.setattr !== 'function' || typeof nodefs.node_ops?.mknod !== 'function') {
    throw new Error("PGlite's file system is not the one expected: its data folder could not be kept private");
  }
  const ops = nodefs.node_ops;
  const mknod = ops.mknod.bind(ops);
  const setattr = nodefs.setattr.bind(nodefs);
  ops.mknod = (parent, name, mode, dev) => mknod(parent, name, mode & ~GROUP_AND_OTHERS, dev);
  nodefs.setattr = (path, node, attributes, ...rest) =>
    setattr(path, node, attributes.mode === undefined ? attributes : { ...attributes, mode: attributes.mode & ~GROUP_AND_OTHERS }, ...rest);
}

/**
 * PGlite's data folder on disk, with no rights for group or others: PostgreSQL compiled to WebAssembly
 * creates its files 0666 and sets that mode explicitly, past the process umask.
 */
export class OwnerOnlyNodeFS extends NodeFS {
  override async init(pg: PGlite, options: PostgresModule): Promise<{ emscriptenOpts: PostgresModule }> {
    const { emscriptenOpts } = await super.init(pg, options);
    const keepPrivate = (module: PostgresModule) => ownerOnly(module.FS!.filesystems.NODEFS as Partial<NodeFsRights>);
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), keepPrivate] } };
  }
}
