// The frame of the pages seen before signing in (sign-in, single sign-on landing, invitation):
// the product name and the page's title above a centred column.
import type { ReactNode } from 'react';
import { cn } from '@/lib/utils';

export function PublicPage({ title, wide = false, children }: { title: string; wide?: boolean; children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className={cn('w-full', wide ? 'max-w-md' : 'max-w-sm')}>
        <div className="mb-6 text-center">
          <p className="text-2xl font-bold text-brand-700">Power PTO</p>
          <h1 className="mt-2 text-lg font-semibold text-slate-900">{title}</h1>
        </div>
        {children}
      </div>
    </main>
  );
}
