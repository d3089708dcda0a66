// The brief in the app: the "Báo cáo tuần" page and its downloads.
import type { Feature } from '../app/feature.ts';
import { briefRoutes } from './routes.tsx';

export const feature: Feature = { name: 'brief', routes: [briefRoutes] };
