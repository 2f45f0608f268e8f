// The one path every IPC call takes, in Electron and in the test bridge alike: find the channel,
// parse the argument with its schema, run the handler, and turn any throw into a Result.
import { z } from 'zod';
import type { Channel, Handlers, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { isChannel, requestSchemas } from '../../../shared/ipc/schemas';
import { requestShapeProblem } from './shape';
import { fail, ok, type AppError, type Result } from '../../../shared/ipc/result';

export type HandlerFailure = (err: unknown) => AppError;

async function run<C extends Channel>(handlers: Handlers, channel: C, req: RequestOf<C>): Promise<ResponseOf<C>> {
  // TypeScript cannot correlate a generic key with its own function type; the schema map above
  // already guarantees `req` matches `channel`.
  const handler = handlers[channel] as (r: RequestOf<C>) => Promise<ResponseOf<C>>;
  return handler(req);
}

export async function dispatch(
  handlers: Handlers,
  channel: string,
  raw: unknown,
  toError: HandlerFailure,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail({ code: 'unknown-channel', message: `Unknown channel "${channel.slice(0, 80)}"` });
  }
  const shape = requestShapeProblem(raw);
  if (shape !== null) return fail({ code: 'invalid-request', message: `${channel}: ${shape}` });
  const parsed = requestSchemas[channel].safeParse(raw);
  if (!parsed.success) {
    return fail({ code: 'invalid-request', message: `${channel}: ${z.prettifyError(parsed.error)}`.slice(0, 2000) });
  }
  try {
    return ok(await run(handlers, channel, parsed.data as RequestOf<typeof channel>));
  } catch (err) {
    return fail(toError(err));
  }
}
