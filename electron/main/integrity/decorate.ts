// How a feature says what its channels write to the audit log, without the log knowing the feature:
// each feature exports an AuditDecoration for its own handler map, and the composition root wraps
// the handlers with it. The entries are written (and fsynced) before the reply goes back.
import type { AuditInput } from '../../../shared/integrity/audit';
import type { AuditLog } from './audit';

/** What a decoration may ask the log while it builds its entries. */
export interface AuditLookup {
  /** The case an earlier entry last tied any of these originals to (exports know no case id). */
  caseOf(sha256s: readonly string[]): Promise<string | null>;
}

type RequestOf<F> = F extends (req: infer R) => unknown ? R : never;
type ReplyOf<F> = F extends (req: never) => Promise<infer R> ? R : never;

export type AuditDecoration<Api> = {
  [C in keyof Api]?: (req: RequestOf<Api[C]>, reply: ReplyOf<Api[C]>, log: AuditLookup) => AuditInput[] | Promise<AuditInput[]>;
};

type AnyHandler = (req: unknown) => Promise<unknown>;
type AnyEntries = (req: unknown, reply: unknown, log: AuditLookup) => AuditInput[] | Promise<AuditInput[]>;

export function withAudit<Api extends object>(handlers: Api, decoration: AuditDecoration<Api>, audit: AuditLog): Api {
  // Each channel's handler and entry builder are typed together by AuditDecoration; the loop over
  // keys cannot carry that pairing, so both are viewed through one untyped signature here.
  const inner = handlers as Record<string, AnyHandler>;
  const entriesOf = decoration as Record<string, AnyEntries | undefined>;
  const out: Record<string, AnyHandler> = { ...inner };
  for (const [channel, entries] of Object.entries(entriesOf)) {
    const handler = inner[channel];
    if (!entries || !handler) continue;
    out[channel] = async (req) => {
      const reply = await handler(req);
      await audit.recordAll(await entries(req, reply, audit));
      return reply;
    };
  }
  return out as Api;
}
