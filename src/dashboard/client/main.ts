// The dashboard's entry point: a share link's page, an invitation, or the sign-in form (email and
// password, or a token) and the dashboard, and switching between them.
import 'uplot/dist/uPlot.min.css'
import './styles.css'
import { addPasswordSignIn, currentSession, endSession, renderInvite } from './account'
import { renderDashboard } from './dashboard'
import { addFirstRunSetup } from './setup'
import { renderShare } from './share'
import { renderSignIn } from './signin'
import { type Credentials, clearCredentials, loadCredentials, saveCredentials } from './state'

const root = document.getElementById('app')!
let unmount: (() => void) | undefined
let current: Credentials | undefined

function showDashboard(creds: Credentials): void {
  current = creds
  unmount = renderDashboard(root, creds, signOut)
}

function showSignIn(site = ''): void {
  renderSignIn(root, signedIn, site)
  addPasswordSignIn(root, signedIn)
  void addFirstRunSetup(root, signedIn)
}

function signOut(): void {
  unmount?.()
  unmount = undefined
  if (current?.session) void endSession()
  current = undefined
  const site = loadCredentials(localStorage)?.siteId ?? ''
  clearCredentials(localStorage)
  showSignIn(site)
}

function signedIn(creds: Credentials): void {
  // A cookie session is the server's: nothing is kept in this browser.
  if (!creds.session) saveCredentials(localStorage, creds)
  showDashboard(creds)
}

async function start(): Promise<void> {
  const path = location.pathname
  if (path.startsWith('/share/')) return renderShare(root, decodeURIComponent(path.slice(7)), showDashboard)
  if (path.startsWith('/invite/'))
    return renderInvite(root, decodeURIComponent(path.slice(8)), (c) => {
      history.replaceState(null, '', '/')
      signedIn(c)
    })
  const saved = loadCredentials(localStorage)
  if (saved) return showDashboard(saved)
  const session = await currentSession()
  if (session) showDashboard(session)
  else showSignIn()
}

void start()
