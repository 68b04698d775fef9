// Company settings (issue 26): what an admin sets for the whole company, one section per topic —
// single sign-on and the chat integrations (Slack, Teams); a new one adds its section to SECTIONS.
// Personal things (password, language, e-mails, calendar feeds) stay on the Account page.
import type { ComponentType } from 'react';
import { PageHeader } from '@/components/ui/card';
import { useT } from '@/i18n/I18nProvider';
import type { MessageKey } from '@/i18n/messages/en';
import { SsoSettingsCard } from '@/features/auth/components/SsoSettingsCard';
import { SlackSettingsCard } from '@/features/integrations/components/SlackSettingsCard';
import { TeamsSettingsCard } from '@/features/integrations/components/TeamsSettingsCard';

export interface CompanySettingsSection {
  /** Stable id: the section's anchor (`/admin/settings#sso`) and test id (`company-section-sso`). */
  id: string;
  /** The section's name for assistive technology (the card shows its own title). */
  title: MessageKey;
  /** The settings themselves (a card with its own title and form). */
  Content: ComponentType;
}

export const SECTIONS: CompanySettingsSection[] = [
  { id: 'sso', title: 'company.settings.sso', Content: SsoSettingsCard },
  { id: 'slack', title: 'slack.settings.title', Content: SlackSettingsCard },
  { id: 'teams', title: 'teams.settings.title', Content: TeamsSettingsCard },
];

export default function CompanySettingsPage() {
  const t = useT();
  return (
    <div className="max-w-3xl">
      <PageHeader title={t('company.settings.title')} description={t('company.settings.description')} />
      <div className="space-y-6">
        {SECTIONS.map(({ id, title, Content }) => (
          <section key={id} id={id} aria-label={t(title)} data-testid={`company-section-${id}`}>
            <Content />
          </section>
        ))}
      </div>
    </div>
  );
}
