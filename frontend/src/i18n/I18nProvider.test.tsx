// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider, useT } from './I18nProvider';

afterEach(cleanup);

function Typing() {
  const t = useT();
  const [text, setText] = useState('');
  return <input aria-label={t('signIn.email')} value={text} onChange={(e) => setText(e.target.value)} data-testid="typed" />;
}

describe('language catalogs (issue 26: characters lost while a screen was loading)', () => {
  it('a German screen is first shown in German, so nothing typed is thrown away when the catalog arrives', async () => {
    render(
      <I18nProvider locale="de">
        <Typing />
      </I18nProvider>,
    );
    // nothing English to type into while the German catalog loads
    expect(screen.queryByTestId('typed')).toBeNull();
    const input = await screen.findByLabelText('Geschäftliche E-Mail');
    fireEvent.change(input, { target: { value: 'emma@acme.test' } });
    // a moment later the same field still holds what was typed
    await new Promise((r) => setTimeout(r, 50));
    expect((screen.getByTestId('typed') as HTMLInputElement).value).toBe('emma@acme.test');
  });
});
