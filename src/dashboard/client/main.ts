// The dashboard's entry point: show the sign-in form or the dashboard, and switch between them.
import 'uplot/dist/uPlot.min.css'
import './styles.css'
import { renderDashboard } from './dashboard'
import { renderSignIn } from './signin'
import { type Credentials, clearCredentials, loadCredentials, saveCredentials } from './state'

const root = document.getElementById('app')!
let unmount: (() => void) | undefined

function showDashboard(creds: Credentials): void {
  unmount = renderDashboard(root, creds, signOut)
}

function signOut(): void {
  unmount?.()
  unmount = undefined
  const site = loadCredentials(localStorage)?.siteId ?? ''
  clearCredentials(localStorage)
  renderSignIn(root, signedIn, site)
}

function signedIn(creds: Credentials): void {
  saveCredentials(localStorage, creds)
  showDashboard(creds)
}

const saved = loadCredentials(localStorage)
if (saved) showDashboard(saved)
else renderSignIn(root, signedIn)
