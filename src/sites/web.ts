// The web face of sites (see README.md): what its pages lend to other features' pages. The citizen
// channel (cases) renders its public pages in the branded site of the unit.
export { publicSiteFor } from './public/site-for.ts';
