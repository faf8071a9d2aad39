#!/bin/sh
# azd postprovision hook: makes sure the hub's Key Vault secrets exist, deciding from the vault itself and
# not from this machine's azd environment, so a provision from a new machine or a pipeline does the same.
#   - A secret that exists is never written, whatever azd holds.
#   - subscriptions-address-hash-key is made once, at random, and never again: another key would orphan
#     every stored address hash (subscriber ids, the suppression list).
#   - sendgrid-api-key and sendgrid-webhook-verification-key are written only while absent, and only from
#     a value azd has (SENDGRID_API_KEY, SENDGRID_WEBHOOK_VERIFICATION_KEY). No empty secret is written.
# It goes through Azure Resource Manager (az rest), as Bicep does, so the operator's Owner or Contributor
# role is enough: no Key Vault data role, and no wait for one to apply. Values are never printed.
set -eu

: "${AZURE_SUBSCRIPTION_ID:?azd sets AZURE_SUBSCRIPTION_ID}"
: "${AZURE_RESOURCE_GROUP:?main.bicep outputs AZURE_RESOURCE_GROUP}"
: "${AZURE_KEY_VAULT_NAME:?main.bicep outputs AZURE_KEY_VAULT_NAME}"

api='api-version=2023-07-01'
group="https://management.azure.com/subscriptions/$AZURE_SUBSCRIPTION_ID/resourceGroups/$AZURE_RESOURCE_GROUP"
vault="$group/providers/Microsoft.KeyVault/vaults/$AZURE_KEY_VAULT_NAME"

# The names of the secrets the vault holds. If the vault cannot be asked, or answers in more than one page,
# stop: a write made on a guess could replace the address-hash key.
existing=$(az rest --method get --url "$vault/secrets?$api" --query "value[].name" --output tsv)
more=$(az rest --method get --url "$vault/secrets?$api" --query "nextLink" --output tsv)
if [ -n "$more" ] && [ "$more" != "None" ]; then
  echo "ensure-secrets: $AZURE_KEY_VAULT_NAME lists its secrets in more than one page; not writing any." >&2
  exit 1
fi

exists() {
  printf '%s\n' "$existing" | grep -qx -- "$1"
}

written=0
create() {
  case "$2" in
    '') echo "ensure-secrets: refusing to write an empty $1." >&2; exit 1 ;;
    *'"'* | *'\'*) echo "ensure-secrets: the value for $1 holds a quote or a backslash; set it with az keyvault secret set instead." >&2; exit 1 ;;
  esac
  body=$(umask 077 && mktemp)
  printf '{"properties":{"value":"%s","contentType":"text/plain"}}' "$2" > "$body"
  if ! az rest --method put --url "$vault/secrets/$1?$api" --body "@$body" --output none; then
    rm -f "$body"
    exit 1
  fi
  rm -f "$body"
  written=$((written + 1))
  echo "ensure-secrets: created $1."
}

if exists subscriptions-address-hash-key; then
  echo "ensure-secrets: subscriptions-address-hash-key exists; left as it is."
else
  create subscriptions-address-hash-key "$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
fi

for pair in "sendgrid-api-key:${SENDGRID_API_KEY:-}" "sendgrid-webhook-verification-key:${SENDGRID_WEBHOOK_VERIFICATION_KEY:-}"; do
  name=${pair%%:*}
  value=${pair#*:}
  if exists "$name"; then
    echo "ensure-secrets: $name exists; left as it is."
  elif [ -n "$value" ]; then
    create "$name" "$value"
  else
    echo "ensure-secrets: $name is not set yet; emails wait in the outbox until it is (see README, Add the SendGrid keys)."
  fi
done

# The app reads Key Vault references again within a day; ask it to now, so a new secret is used at once.
if [ "$written" -gt 0 ] && [ -n "${AZURE_FUNCTION_APP_NAME:-}" ]; then
  az rest --method post --output none \
    --url "$group/providers/Microsoft.Web/sites/$AZURE_FUNCTION_APP_NAME/config/configreferences/appsettings/refresh?api-version=2022-03-01" \
    || echo "ensure-secrets: could not ask the app to read its Key Vault references again; it will within a day." >&2
fi
