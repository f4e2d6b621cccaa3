// Administration in the app (P6) against the real server (hotline_server, SQLite, demo users):
// the demo admin opens Administration, creates a department under Reference data and a user in
// that department under Users, with real clicks and keys at the positions the app reports; signs
// out; the new user signs in, gets their role, and, not being an admin or a manager, has no
// Administration screen. Then the admin resets that user's password and deactivates them: the
// server takes the new password and refuses the old one, then refuses the account.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {serverAndPage} from './support.mjs';

const desk = serverAndPage();

test('the admin creates a department and a user in it; the new user signs in with their role', async () => {
  const admin = await desk.app.signIn('admin', {incidents: 0});
  assert.match(admin.user, /\(admin\)/);
  assert.equal(admin.admin_visible, true);

  await desk.app.click('Administration', {window: 'Top bar'});
  await desk.app.waitFor((s) => s.screen === 'admin' && s.admin.tab === 'users' && s.admin.users.loaded,
                    'Administration opens on the users, listed from the server');

  await desk.app.click('Reference data', {window: 'Administration'});
  await desk.app.click('Kind', {window: 'Administration'});
  await desk.app.click('Department');
  await desk.app.waitFor((s) => s.admin.tab === 'reference' && s.admin.reference.kind === 'department' &&
                           s.admin.reference.editable, 'the departments are shown, editable');
  await desk.app.click('New record', {window: 'Administration'});
  await desk.app.fill('Key', 'field_ops', {window: 'Administration'});
  await desk.app.fill('Name', 'Field operations', {window: 'Administration'});
  await desk.app.click('Save', {window: 'Administration'});
  await desk.app.waitFor((s) => s.admin.reference.records.some((r) => r.id === 'field_ops' &&
                                                                 r.fields.name === 'Field operations' &&
                                                                 r.fields.active === 'true'),
                    'the department is saved');
  await desk.app.screenshot('admin_1_department');

  await desk.app.click('Users', {window: 'Administration'});
  await desk.app.click('New user', {window: 'Administration'});
  await desk.app.fill('Login', 'abaker', {window: 'Administration'});
  await desk.app.fill('Display name', 'Ann Baker', {window: 'Administration'});
  await desk.app.click('Role', {window: 'Administration'});
  await desk.app.click('engineer');
  await desk.app.click('Department', {window: 'Administration'});
  await desk.app.click('Field operations');
  await desk.app.fill('Password', 'ann-secret-1', {window: 'Administration'});
  await desk.app.waitFor((s) => s.admin.users.form.role === 'engineer' && s.admin.users.form.department === 'field_ops',
                    'role and department are chosen');
  await desk.app.click('Create user', {window: 'Administration'});
  const created = await desk.app.waitFor(
    (s) => s.admin.users.list.some((u) => u.login === 'abaker' && u.name === 'Ann Baker' &&
                                          u.role === 'engineer' && u.active && u.department === 'field_ops') &&
           s.sync.pending === 0,
    'the user is created on the server and their staff profile synced', {timeout: 20000});
  assert.equal(created.message_is_error, false, created.message);
  await desk.app.screenshot('admin_2_user');

  await desk.app.click('Settings');
  await desk.app.click('Sign out', {window: 'Settings'});
  const ann = await desk.app.signIn('abaker', {password: 'ann-secret-1', incidents: 0});
  assert.match(ann.user, /^Ann Baker \(engineer\)$/);
  assert.equal(ann.admin_visible, false);
  const visible = (await desk.app.items('Administration')).filter((i) => i.visible);
  assert.deepEqual(visible, [], 'no Administration button for an engineer');
  await desk.app.screenshot('admin_3_engineer');
});

// What the server answers a sign-in (POST /api/v1/login), straight from the test.
async function loginStatus(login, password) {
  const reply = await fetch(new URL('api/v1/login', desk.server.url), {
    method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({login, password}),
  });
  return reply.status;
}

test('the admin resets a password and deactivates the user: the old password, then the account, stop working',
     async () => {
  await desk.app.click('Settings');
  await desk.app.click('Sign out', {window: 'Settings'});
  await desk.app.signIn('admin', {incidents: 0});
  await desk.app.click('Administration', {window: 'Top bar'});
  await desk.app.waitFor((s) => s.screen === 'admin' && s.admin.users.loaded, 'the users are listed');
  // The table shows its first eight rows: "abaker" sorts among them.
  await desk.app.click('abaker', {window: 'Administration'});
  await desk.app.waitFor((s) => s.admin.users.form?.editing === 'abaker', 'Ann opens in the form');

  await desk.app.fill('New password', 'ann-secret-2', {window: 'Administration'});
  await desk.app.click('Reset password', {window: 'Administration'});
  let state = await desk.app.waitFor((s) => !s.admin.users.busy && s.message.startsWith('New password set for'),
                                'the server confirms the new password', {timeout: 20000});
  assert.equal(state.message_is_error, false, state.message);
  assert.equal(await loginStatus('abaker', 'ann-secret-1'), 401, 'the old password is refused');
  assert.equal(await loginStatus('abaker', 'ann-secret-2'), 200, 'the new one works');

  await desk.app.click('Deactivate', {window: 'Administration'});
  state = await desk.app.waitFor((s) => !s.admin.users.busy &&
                                   s.admin.users.list.some((u) => u.login === 'abaker' && u.active === false),
                            'the list shows Ann inactive', {timeout: 20000});
  assert.equal(state.message_is_error, false, state.message);
  await desk.app.screenshot('admin_4_deactivated');
  assert.equal(await loginStatus('abaker', 'ann-secret-2'), 401, 'a deactivated account cannot sign in');
});
