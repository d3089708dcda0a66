// The commands that act on the database. Each runs either here or, when a server holds the embedded
// database, inside that server (see forward.ts) — the same code either way.
import type { AppContext } from '../app/context.ts';
import type { CliIO } from './io.ts';

export interface DbCommand<O> {
  /** Can run inside a running server that holds the embedded database. */
  forwardable: boolean;
  run(ctx: AppContext, options: O, io: CliIO): Promise<number>;
}

export const defineCommand = <O>(command: DbCommand<O>): DbCommand<O> => command;
