// Mail in the app: the SMTP settings page.
import type { Feature } from '../app/feature.ts';
import { mailRoutes } from './routes.tsx';

export const feature: Feature = { name: 'mail', routes: [mailRoutes] };
