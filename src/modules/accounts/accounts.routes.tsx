// Accounts pages: register, confirm e-mail, sign in and out, reset password, profile, and the
// staff and network-member screens. Each route goes route → authorize → command → view, with
// Post/Redirect/Get on success and a 422 re-render (values kept, errors by the fields) on failure.
import type { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Actor } from '../../core/auth/actor.js';
import { pageContext, state, type AppContext, type AppDeps, type AppEnv } from '../../core/http/context.js';
import { validateForm } from '../../core/http/form.js';
import { LANG_COOKIE } from '../../core/http/app.js';
import { errorPage, html, redirectWithFlash, safeLocalPath } from '../../core/http/respond.js';
import { listMunicipalities, loadMunicipality, type Municipality } from '../municipalities/index.js';
import {
  changePasswordFields, changePasswordSchema, emailOnlyFields, emailOnlySchema, formValues, languageFields, languageSchema, loginFields, loginSchema, networkGrantFields,
  networkGrantSchema, networkRevokeFields, networkRevokeSchema, profileFields, profileSchema, registerFields, registerSchema,
  resetFields, resetSchema, staffGrantFields, staffGrantSchema, staffRevokeFields, staffRevokeSchema, tokenFields, tokenSchema,
} from './accounts.forms.js';
import { canManageNetwork, canManageStaff } from './accounts.policy.js';
import { hasPassword, isLiveLinkToken, loadNetworkMembers, loadStaff, loadUser } from './accounts.queries.js';
import { limits, withinRateLimits } from './accounts.rate-limits.js';
import type { PasswordProblem } from './passwords.js';
import { clearSessionCookie, rotateCsrfCookie, setSessionCookie } from './sessions.js';
import { changePassword, changePasswordLimit } from './commands/change-password.js';
import { grantNetworkRole } from './commands/grant-network-role.js';
import { grantRole } from './commands/grant-role.js';
import { registerAccount } from './commands/register-account.js';
import { requestPasswordReset } from './commands/request-password-reset.js';
import { resendVerification } from './commands/resend-verification.js';
import { resetPassword } from './commands/reset-password.js';
import { revokeNetworkRole } from './commands/revoke-network-role.js';
import { revokeRole } from './commands/revoke-role.js';
import { setLanguage } from './commands/set-language.js';
import { signIn } from './commands/sign-in.js';
import { signOut } from './commands/sign-out.js';
import { updateProfile } from './commands/update-profile.js';
import { verifyEmail } from './commands/verify-email.js';
import { ChangePasswordPage } from './views/change-password-page.js';
import { AccountPage, profileValues, type AccountRolesRow } from './views/account-page.js';
import { CheckEmailPage, ResendPage } from './views/check-email-page.js';
import { ForgotPasswordPage } from './views/forgot-password-page.js';
import { LoginPage } from './views/login-page.js';
import { NetworkMembersPage } from './views/network-members-page.js';
import { RegisterPage } from './views/register-page.js';
import { ResetPasswordPage } from './views/reset-password-page.js';
import { StaffPage } from './views/staff-page.js';
import { LinkInvalidPage, VerifyEmailPage } from './views/verify-email-page.js';

const passwordErrorKeys: Record<PasswordProblem, string> = {
  too_short: 'accounts.error.passwordTooShort',
  too_long: 'accounts.error.passwordTooLong',
  same_as_email: 'accounts.error.passwordIsEmail',
};

/** Signed out: a page sends the person to sign in and back; a form post is refused. */
function signInRequired(c: AppContext): Response {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD') {
    const url = new URL(c.req.url);
    return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
  }
  return errorPage(c, 401);
}

/** 429 with the window's length as Retry-After: an upper bound, since windows are fixed. */
function tooManyAttempts(c: AppContext, messageKey: string, retryAfterSeconds: number): Response {
  const res = errorPage(c, 429, { messageKey });
  res.headers.set('Retry-After', String(retryAfterSeconds));
  return res;
}

function postedForm(c: AppContext): Record<string, string | string[]> {
  return state(c).form ?? {};
}

/** Form values to show again after a failed post: never the password. */
function keepValues(values: Record<string, string>): Record<string, string> {
  const { password: _password, ...rest } = values;
  return rest;
}

async function municipalityChoices(deps: AppDeps): Promise<Municipality[]> {
  return deps.db.transaction({ municipalityId: null }, (tx) => listMunicipalities(tx));
}

export function registerAccountsRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // ---- registration and e-mail confirmation ----

  app.get('/register', async (c) => {
    if (state(c).actor) return c.redirect('/account', 303);
    return html(c, RegisterPage({ page: pageContext(c), municipalities: await municipalityChoices(deps) }));
  });

  app.post('/register', async (c) => {
    const values = formValues(postedForm(c), registerFields);
    const municipalities = await municipalityChoices(deps);
    const again = (errors: Record<string, string>) =>
      html(c, RegisterPage({ page: pageContext(c), municipalities, values: keepValues(values), errors }), 422);
    const form = validateForm(registerSchema, values);
    if (!form.ok) return again(form.errors);
    const { municipality } = form.data;
    if (municipality !== null && !municipalities.some((m) => m.id === municipality)) return again({ municipality: 'accounts.error.municipalityInvalid' });
    if (!(await withinRateLimits(deps, c, 'register', null))) return tooManyAttempts(c, 'accounts.error.rateLimited', limits.registerPerIp.windowSeconds);
    const result = await registerAccount(deps, {
      name: form.data.name,
      email: form.data.email,
      password: form.data.password,
      homeMunicipalityId: municipality,
      lang: state(c).lang,
    });
    if (!result.ok) return again({ password: passwordErrorKeys[result.error] });
    return c.redirect('/register/check-email', 303);
  });

  app.get('/register/check-email', (c) => html(c, CheckEmailPage({ page: pageContext(c) })));

  app.get('/verify-email', async (c) => {
    const token = c.req.query('token');
    if (!token || !(await isLiveLinkToken(deps, token, 'verify_email'))) return html(c, LinkInvalidPage({ page: pageContext(c), purpose: 'verify_email' }), 400);
    return html(c, VerifyEmailPage({ page: pageContext(c), token }));
  });

  app.post('/verify-email', async (c) => {
    const form = validateForm(tokenSchema, formValues(postedForm(c), tokenFields));
    const result = form.ok ? await verifyEmail(deps, form.data) : null;
    if (!result?.ok) return html(c, LinkInvalidPage({ page: pageContext(c), purpose: 'verify_email' }), 400);
    if (state(c).actor?.id === result.value.userId) return redirectWithFlash(c, '/account', 'success', 'accounts.verify.done');
    return redirectWithFlash(c, '/login', 'success', 'accounts.verify.done');
  });

  app.get('/verify-email/resend', (c) => html(c, ResendPage({ page: pageContext(c) })));

  app.post('/verify-email/resend', async (c) => {
    const values = formValues(postedForm(c), emailOnlyFields);
    const form = validateForm(emailOnlySchema, values);
    if (!form.ok) return html(c, ResendPage({ page: pageContext(c), email: values.email, error: state(c).i18n.t(form.errors.email ?? 'accounts.error.emailInvalid') }), 422);
    if (!(await withinRateLimits(deps, c, 'resend', form.data.email))) return tooManyAttempts(c, 'accounts.error.rateLimited', limits.mailPerEmail.windowSeconds);
    await resendVerification(deps, { email: form.data.email, lang: state(c).lang });
    return redirectWithFlash(c, '/login', 'info', 'accounts.resend.done');
  });

  // ---- signing in and out ----

  app.get('/login', (c) => {
    const next = safeLocalPath(c.req.query('next'), '');
    // Already signed in: go on, but never back to this page (that would loop).
    if (state(c).actor) return c.redirect(next && !/^\/login(?:[?#/]|$)/.test(next) ? next : '/account', 303);
    return html(c, LoginPage({ page: pageContext(c), next }));
  });

  app.post('/login', async (c) => {
    const values = formValues(postedForm(c), loginFields);
    const next = safeLocalPath(values.next?.slice(0, 2000), '');
    const form = validateForm(loginSchema, values);
    if (!form.ok) return html(c, LoginPage({ page: pageContext(c), next, values: keepValues(values), errors: form.errors }), 422);
    if (!(await withinRateLimits(deps, c, 'login', form.data.email))) return tooManyAttempts(c, 'accounts.login.rateLimited', limits.loginPerEmail.windowSeconds);
    const result = await signIn(deps, { email: form.data.email, password: form.data.password, previousSessionId: state(c).actor?.sessionId ?? null });
    if (!result.ok) {
      if (result.error === 'email_not_verified') return html(c, LoginPage({ page: pageContext(c), next, unverifiedEmail: form.data.email }), 403);
      return html(c, LoginPage({ page: pageContext(c), next, values: { email: form.data.email }, errors: { email: 'accounts.error.invalidCredentials' } }), 422);
    }
    setSessionCookie(c, result.value.token);
    rotateCsrfCookie(c);
    return redirectWithFlash(c, next || '/', 'success', 'accounts.login.done');
  });

  app.post('/logout', async (c) => {
    const actor = state(c).actor;
    if (actor) await signOut(deps, actor);
    clearSessionCookie(c);
    rotateCsrfCookie(c);
    return redirectWithFlash(c, '/', 'success', 'accounts.logout.done');
  });

  // ---- forgotten password ----

  app.get('/forgot-password', (c) => html(c, ForgotPasswordPage({ page: pageContext(c) })));

  app.post('/forgot-password', async (c) => {
    const values = formValues(postedForm(c), emailOnlyFields);
    const form = validateForm(emailOnlySchema, values);
    if (!form.ok) return html(c, ForgotPasswordPage({ page: pageContext(c), values, errors: form.errors }), 422);
    if (!(await withinRateLimits(deps, c, 'forgot', form.data.email))) return tooManyAttempts(c, 'accounts.forgot.rateLimited', limits.mailPerEmail.windowSeconds);
    await requestPasswordReset(deps, { email: form.data.email, lang: state(c).lang });
    return redirectWithFlash(c, '/login', 'info', 'accounts.forgot.done');
  });

  app.get('/reset-password', async (c) => {
    const token = c.req.query('token');
    if (!token || !(await isLiveLinkToken(deps, token, 'reset_password'))) return html(c, LinkInvalidPage({ page: pageContext(c), purpose: 'reset_password' }), 400);
    return html(c, ResetPasswordPage({ page: pageContext(c), token }));
  });

  app.post('/reset-password', async (c) => {
    const values = formValues(postedForm(c), resetFields);
    const invalidLink = () => html(c, LinkInvalidPage({ page: pageContext(c), purpose: 'reset_password' }), 400);
    const form = validateForm(resetSchema, values);
    if (!form.ok) {
      if (form.errors.token) return invalidLink();
      return html(c, ResetPasswordPage({ page: pageContext(c), token: values.token ?? '', errors: form.errors }), 422);
    }
    const result = await resetPassword(deps, form.data);
    if (!result.ok) {
      if (result.error === 'invalid_token') return invalidLink();
      return html(c, ResetPasswordPage({ page: pageContext(c), token: form.data.token, errors: { password: passwordErrorKeys[result.error] } }), 422);
    }
    if (state(c).actor?.id === result.value.userId) clearSessionCookie(c);
    rotateCsrfCookie(c);
    return redirectWithFlash(c, '/login', 'success', 'accounts.reset.done');
  });

  // ---- own profile ----

  const renderAccount = async (c: AppContext, actor: Actor, values: Record<string, string> | null, errors?: Record<string, string>) => {
    const [user, municipalities] = await Promise.all([loadUser(deps, actor.id), municipalityChoices(deps)]);
    if (!user) return signInRequired(c);
    const roles: AccountRolesRow[] = [];
    for (const m of municipalities) {
      const held = actor.roles.get(m.id);
      if (held && held.size > 0) roles.push({ municipality: m, roles: [...held] });
    }
    const page = AccountPage({ page: pageContext(c), user, municipalities, roles, networkRole: actor.networkRole, values: values ?? profileValues(user), errors });
    return html(c, page, errors ? 422 : 200);
  };

  app.get('/account', async (c) => {
    const actor = state(c).actor;
    if (!actor) return signInRequired(c);
    return renderAccount(c, actor, null);
  });

  app.post('/account', async (c) => {
    const actor = state(c).actor;
    if (!actor) return signInRequired(c);
    const values = formValues(postedForm(c), profileFields);
    const form = validateForm(profileSchema, values);
    if (!form.ok) return renderAccount(c, actor, values, form.errors);
    const { municipality } = form.data;
    if (municipality !== null && !(await municipalityChoices(deps)).some((m) => m.id === municipality)) {
      return renderAccount(c, actor, values, { municipality: 'accounts.error.municipalityInvalid' });
    }
    await updateProfile(deps, actor, {
      displayName: form.data.name,
      preferredLang: form.data.lang,
      homeMunicipalityId: municipality,
      showInDirectory: form.data.directory,
    });
    return redirectWithFlash(c, '/account', 'success', 'accounts.account.saved');
  });

  app.get('/account/password', async (c) => {
    const actor = state(c).actor;
    if (!actor) return signInRequired(c);
    if (!(await hasPassword(deps, actor))) return redirectWithFlash(c, '/forgot-password', 'info', 'accounts.password.none');
    return html(c, ChangePasswordPage({ page: pageContext(c) }));
  });

  app.post('/account/password', async (c) => {
    const actor = state(c).actor;
    if (!actor) return signInRequired(c);
    const form = validateForm(changePasswordSchema, formValues(postedForm(c), changePasswordFields));
    // Passwords are never sent back into the form.
    if (!form.ok) return html(c, ChangePasswordPage({ page: pageContext(c), errors: form.errors }), 422);
    const result = await changePassword(deps, actor, { currentPassword: form.data.current, newPassword: form.data.password });
    if (!result.ok) {
      if (result.error === 'rate_limited') return tooManyAttempts(c, 'accounts.password.rateLimited', changePasswordLimit.windowSeconds);
      const errors: Record<string, string> =
        result.error === 'wrong_password' ? { current: 'accounts.error.currentPasswordWrong' }
        : result.error === 'same_as_current' ? { password: 'accounts.error.passwordSameAsCurrent' }
        : { password: passwordErrorKeys[result.error] };
      return html(c, ChangePasswordPage({ page: pageContext(c), errors }), 422);
    }
    return redirectWithFlash(c, '/account', 'success', 'accounts.password.done');
  });

  // The language switch: a signed-in person's choice is stored; anyone's is also kept in the cookie.
  app.post('/account/language', async (c) => {
    const form = validateForm(languageSchema, formValues(postedForm(c), languageFields));
    if (!form.ok) return errorPage(c, 422);
    const actor = state(c).actor;
    if (actor) await setLanguage(deps, actor, { lang: form.data.lang });
    if (form.data.lang) setCookie(c, LANG_COOKIE, form.data.lang, { path: '/', sameSite: 'Lax', httpOnly: true, maxAge: 365 * 24 * 3600, secure: deps.config.secureCookies });
    else deleteCookie(c, LANG_COOKIE, { path: '/' });
    return redirectWithFlash(c, safeLocalPath(form.data.next, '/'), 'success', 'accounts.language.saved');
  });

  // ---- a municipality's roles ----

  app.on(['GET', 'POST'], '/m/:slug/admin/staff', async (c) => {
    const municipality = await loadMunicipality(deps, c.req.param('slug'));
    if (!municipality) return errorPage(c, 404);
    const actor = state(c).actor;
    if (!actor) return signInRequired(c);
    if (!canManageStaff(actor, municipality.id)) return errorPage(c, 403, { municipality });
    const action = `/m/${municipality.slug}/admin/staff`;
    const render = async (status: 200 | 409 | 422, extra: { values?: Record<string, string>; errors?: Record<string, string>; alertKey?: string } = {}) => {
      const staff = await loadStaff(deps, municipality.id, actor.id);
      return html(c, StaffPage({ page: pageContext(c, { municipality }), municipality, staff, ...extra }), status);
    };
    if (c.req.method === 'GET') return render(200);

    const fields = postedForm(c);
    const intent = formValues(fields, ['intent']).intent;
    if (intent === 'grant') {
      const values = formValues(fields, staffGrantFields);
      const form = validateForm(staffGrantSchema, values);
      if (!form.ok) return render(422, { values, errors: form.errors });
      const result = await grantRole(deps, actor, { municipalityId: municipality.id, ...form.data });
      if (!result.ok) {
        if (result.error === 'forbidden') return errorPage(c, 403, { municipality });
        return render(422, { values, errors: { email: 'accounts.error.noSuchAccount' } });
      }
      return redirectWithFlash(c, action, 'success', result.value.added ? 'accounts.staff.granted' : 'accounts.staff.alreadyHad');
    }
    if (intent === 'revoke') {
      const form = validateForm(staffRevokeSchema, formValues(fields, staffRevokeFields));
      // Hidden fields that do not validate were tampered with: nothing to correct on the page.
      if (!form.ok) return errorPage(c, 400, { municipality });
      const result = await revokeRole(deps, actor, { municipalityId: municipality.id, ...form.data });
      if (!result.ok) {
        if (result.error === 'forbidden') return errorPage(c, 403, { municipality });
        return render(409, { alertKey: 'accounts.error.lastAdmin' });
      }
      return redirectWithFlash(c, action, 'success', result.value.removed ? 'accounts.staff.revoked' : 'accounts.staff.notHeld');
    }
    return errorPage(c, 400, { municipality });
  });

  // ---- the network's members ----

  app.on(['GET', 'POST'], '/network/admin/members', async (c) => {
    const actor = state(c).actor;
    if (!actor) return signInRequired(c);
    if (!canManageNetwork(actor)) return errorPage(c, 403);
    const action = '/network/admin/members';
    const render = async (status: 200 | 409 | 422, extra: { values?: Record<string, string>; errors?: Record<string, string>; alertKey?: string } = {}) => {
      const members = await loadNetworkMembers(deps, actor.id);
      return html(c, NetworkMembersPage({ page: pageContext(c), members, ...extra }), status);
    };
    if (c.req.method === 'GET') return render(200);

    const fields = postedForm(c);
    const intent = formValues(fields, ['intent']).intent;
    if (intent === 'grant') {
      const values = formValues(fields, networkGrantFields);
      const form = validateForm(networkGrantSchema, values);
      if (!form.ok) return render(422, { values, errors: form.errors });
      const result = await grantNetworkRole(deps, actor, form.data);
      if (!result.ok) {
        if (result.error === 'forbidden') return errorPage(c, 403);
        if (result.error === 'last_admin') return render(409, { values, alertKey: 'accounts.error.lastNetworkAdmin' });
        return render(422, { values, errors: { email: 'accounts.error.noSuchAccount' } });
      }
      return redirectWithFlash(c, action, 'success', 'accounts.network.granted');
    }
    if (intent === 'revoke') {
      const form = validateForm(networkRevokeSchema, formValues(fields, networkRevokeFields));
      if (!form.ok) return errorPage(c, 400);
      const result = await revokeNetworkRole(deps, actor, form.data);
      if (!result.ok) {
        if (result.error === 'forbidden') return errorPage(c, 403);
        return render(409, { alertKey: 'accounts.error.lastNetworkAdmin' });
      }
      return redirectWithFlash(c, action, 'success', 'accounts.network.revoked');
    }
    return errorPage(c, 400);
  });
}
