import type { StarSize } from '../shared/StarRow.tsx';
import type { KoubeiServices } from '../shared/services.ts';
import { useRemote } from '../shared/use-remote.ts';
import { StarsView } from './StarsView.tsx';

export interface StarsProps {
  readonly koubei: KoubeiServices;
  readonly product: string;
  readonly size?: StarSize;
  readonly href?: string;
  readonly showEmpty?: boolean;
}

/**
 * The star badge that loads its own summary (npm entry). Many badges on one
 * page still make one request: the client batches summary lookups.
 */
export function Stars({ koubei, product, size, href, showEmpty }: StarsProps) {
  const [remote] = useRemote(`summary:${product}`, (signal) =>
    koubei.summaries.getSummary(product, { signal }),
  );
  // A badge that cannot load shows nothing rather than an error box in a product grid.
  if (remote.status === 'error' && !remote.data) return null;
  return (
    <StarsView
      summary={remote.data}
      t={koubei.t}
      size={size}
      href={href}
      baseUrl={koubei.pageUrl}
      showEmpty={showEmpty}
    />
  );
}
