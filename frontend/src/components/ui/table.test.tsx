// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Table, Td, Th } from './table';
import { Dialog } from './dialog';
import { renderIn } from '@/test/render';

afterEach(cleanup);

describe('<Table>', () => {
  it('labels every cell with its column header, for the phone card layout', () => {
    render(
      <Table caption="My requests">
        <thead>
          <tr>
            <Th>Policy</Th>
            <Th>Status</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <Td>Vacation</Td>
            <Td>Submitted</Td>
            <Td>
              <button type="button">Cancel</button>
            </Td>
          </tr>
        </tbody>
      </Table>,
    );
    const table = screen.getByRole('table', { name: 'My requests' });
    expect(table.classList.contains('ppto-cards')).toBe(true);
    const cells = within(table).getAllByRole('cell');
    expect(cells.map((c) => c.getAttribute('data-label'))).toEqual(['Policy', 'Status', 'Actions']);
    expect(within(table).getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });
});

function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button">Before</button>
      <button type="button" onClick={() => setOpen(true)}>
        New request
      </button>
      <Dialog open={open} onOpenChange={setOpen} title="New request">
        <button type="button" onClick={() => setOpen(false)}>
          Done
        </button>
      </Dialog>
    </>
  );
}

describe('<Dialog>', () => {
  it('returns focus to the control that opened it', async () => {
    const user = userEvent.setup();
    renderIn(<Opener />);
    await user.click(screen.getByRole('button', { name: 'New request' }));
    expect(screen.getByRole('dialog')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New request' }));
    // and after Escape as well
    await user.click(screen.getByRole('button', { name: 'New request' }));
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New request' }));
  });
});
