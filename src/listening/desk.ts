// What the listening desk's route groups share: who may use the desk, and the id of a page's path.
import { z } from 'zod';
import { ANALYSTS, DISTRICT_ADMINS } from '../core/roles.ts';
import { notFound } from '../web/errors.ts';
import { pathId } from '../web/schemas.ts';

/** Analysts (and district administrators) read and edit. */
export const DESK = { access: { roles: ANALYSTS } };
/** The desk's privacy settings: district administrators only. */
export const DISTRICT = { access: { roles: DISTRICT_ADMINS } };

export const idParams = z.object({ id: pathId });

/** The id of the path, or 404. */
export function found(id: number | null): number {
  if (id === null) throw notFound();
  return id;
}
