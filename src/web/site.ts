import type { Services } from '../services.ts';
import type { SiteInfo } from './render.ts';

const cacheMs = 5_000;

/** What every page shows about the site; read from the database at most every few seconds. */
export function createSiteInfo(services: Services): SiteInfo {
  let cached: { at: number; demo: boolean; trustName: string } | undefined;
  const site: SiteInfo = {
    trustName: 'the trust',
    contactEmail: 'engagement@parity.invalid',
    async demoData() {
      if (!cached || services.clock().getTime() - cached.at > cacheMs) {
        try {
          const [demo, organisations] = await Promise.all([
            services.demo.isLoaded(),
            services.organisations.list(),
          ]);
          const trust = organisations.find((o) => o.kind === 'trust');
          cached = { at: services.clock().getTime(), demo, trustName: trust?.name ?? 'the trust' };
        } catch {
          // The error pages must render even when the database is down.
          return false;
        }
      }
      site.trustName = cached.trustName;
      return cached.demo;
    },
  };
  return site;
}
