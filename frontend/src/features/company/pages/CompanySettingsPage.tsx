// Company settings (issue 26): what an admin sets for the whole company, one section per topic —
// single sign-on today; integrations (e.g. Slack or Teams) add their section to SECTIONS. Personal
// things (password, language, e-mails, calendar feeds) stay on the Account page.
import type { ComponentType } from 'react';
import { PageHeader } from '@/components/ui/card';
import { useT } from '@/i18n/I18nProvider';
import type { MessageKey } from '@/i18n/messages/en';
import { SsoSettingsCard } from '@/features/auth/components/SsoSettingsCard';

export interface CompanySettingsSection {
  /** Stable id: the section's anchor (`/admin/settings#sso`) and test id (`company-section-sso`). */
  id: string;
  /** The section's heading. */
  title: MessageKey;
  /** The settings themselves (a card with its own form). */
  Content: ComponentType;
}

export const SECTIONS: CompanySettingsSection[] = [{ id: 'sso', title: 'company.settings.sso', Content: SsoSettingsCard }];

export default function CompanySettingsPage() {
  const t = useT();
  return (
    <div className="max-w-3xl">
      <PageHeader title={t('company.settings.title')} description={t('company.settings.description')} />
      <div className="space-y-8">
        {SECTIONS.map(({ id, title, Content }) => (
          <section key={id} id={id} aria-labelledby={`company-section-${id}-title`} data-testid={`company-section-${id}`}>
            <h2 id={`company-section-${id}-title`} className="mb-3 text-lg font-semibold text-slate-900">
              {t(title)}
            </h2>
            <Content />
          </section>
        ))}
      </div>
    </div>
  );
}
