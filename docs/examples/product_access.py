#!/usr/bin/env python3
"""How a product on this computer reads its HR system through HR Link."""
import json, subprocess, sys, urllib.request

PEOPLE = {"hrworks": "/v2/persons?onlyActive=true", "iris": "/api/v1/employees",
          "employmenthero": "/api/v1/organisations", "ipayroll": "/api/v1/employees"}

def access(connection):  # the id shown on the connection's card in HR Link
    answer = subprocess.run(["hrlink", "credential", "get", connection, "--json"],
                            capture_output=True, text=True)
    if answer.returncode == 3:
        sys.exit("The HR system refused: re-authorise the connection in HR Link.")
    if answer.returncode != 0:  # 2 unknown connection, 5 unreachable, 7 keychain locked
        sys.exit(answer.stderr.strip())
    return json.loads(answer.stdout)

grant = access(sys.argv[1])  # ask again shortly before grant["expires_at"], or after a 401
url = grant["api_base"] + PEOPLE[grant["provider"]]
request = urllib.request.Request(url, headers={"Authorization": grant["authorization"]})
with urllib.request.urlopen(request) as response:
    print(grant["account"]["name"], response.status)
