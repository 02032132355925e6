#!/bin/sh
# Stands in for the system browser in end-to-end tests (the app runs it as $BROWSER URL): it
# signs in on the Sandbox's consent page as the user named in $HRLINK_E2E_SIGN_IN (a file with
# three lines: user name, password, allow|deny) and follows the redirect back to HR Link's
# loopback listener, as a person would by clicking through the page.
url="$1"
# Every URL the app opened, for specs that check what went to the system browser.
[ -n "$HRLINK_E2E_OPENED" ] && printf '%s\n' "$url" >> "$HRLINK_E2E_OPENED"
base="${url%%\?*}"
query="${url#*\?}"
{ read -r user; read -r password; read -r decision; } < "$HRLINK_E2E_SIGN_IN"
(
  curl -fsS -o /dev/null "$url" &&
  back=$(curl -sS -o /dev/null -w '%{redirect_url}' \
      --data-urlencode "username=$user" --data-urlencode "password=$password" \
      --data "$query&decision=$decision" "$base") &&
  curl -sS -o /dev/null "$back"
) >/dev/null 2>&1 &
