// Telling a citizen on Zalo: a consultation message from the Zalo Official Account of the owner unit's
// site, or of the nearest site above it (up to the portal's), sent through that site's Zalo account in
// the platforms' credential store (the same account the site publishes with). Zalo delivers these only
// to a user id of someone who follows the OA or wrote to it (the time window is an open question in
// api-contracts.md), so only a Zalo user id (15–25 digits) is messaged; a phone number typed in the
// field is for staff.
import type { AppContext } from '../app/context.ts';
import { sendMessage, tokenState } from '../platforms/index.ts';
import { getAccount, publishing } from '../sites/index.ts';
import type { Case } from './schema.ts';

export const isZaloUserId = (value: string | null | undefined): value is string => Boolean(value && /^\d{15,25}$/.test(value));

/** Sends `text` to the citizen's Zalo user id; false when there is none or no OA is connected. */
export async function notifyByZalo(ctx: AppContext, c: Pick<Case, 'unitId' | 'contactZalo'>, text: string): Promise<boolean> {
  if (!isZaloUserId(c.contactZalo)) return false;
  const tree = await ctx.units.current();
  const sites = await publishing(ctx).sites.current();
  for (const unit of tree.lineage(c.unitId)) {
    const site = sites.bySiteSlug(unit.slug);
    if (!site) continue;
    const account = await getAccount(ctx, site.unitId, 'zalo');
    if (!account || !account.enabled || tokenState(account) === 'expired' || tokenState(account) === 'refused') continue;
    await sendMessage(ctx, account.connectionId, c.contactZalo, text.slice(0, 2000));
    return true;
  }
  return false;
}
