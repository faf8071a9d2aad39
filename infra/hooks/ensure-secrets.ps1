# azd postprovision hook, for Windows: the same as ensure-secrets.sh, which says why. A secret that exists
# is never written; the address-hash key is made once, at random; the SendGrid keys are written only while
# absent and only from a value azd has; no empty secret is written. Values are never printed.
$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $true

foreach ($name in 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP', 'AZURE_KEY_VAULT_NAME') {
    if (-not [Environment]::GetEnvironmentVariable($name)) { throw "ensure-secrets: $name is not set." }
}
$api = 'api-version=2023-07-01'
$group = "https://management.azure.com/subscriptions/$env:AZURE_SUBSCRIPTION_ID/resourceGroups/$env:AZURE_RESOURCE_GROUP"
$vault = "$group/providers/Microsoft.KeyVault/vaults/$env:AZURE_KEY_VAULT_NAME"

# If the vault cannot be asked, or answers in more than one page, stop: a write made on a guess could
# replace the address-hash key.
$existing = @(az rest --method get --url "$vault/secrets?$api" --query "value[].name" --output tsv)
if ($LASTEXITCODE -ne 0) { throw "ensure-secrets: could not list the secrets in $env:AZURE_KEY_VAULT_NAME; not writing any." }
$more = az rest --method get --url "$vault/secrets?$api" --query "nextLink" --output tsv
if ($LASTEXITCODE -ne 0) { throw "ensure-secrets: could not list the secrets in $env:AZURE_KEY_VAULT_NAME; not writing any." }
if ($more -and $more -ne 'None') { throw "ensure-secrets: $env:AZURE_KEY_VAULT_NAME lists its secrets in more than one page; not writing any." }
$existing = $existing | ForEach-Object { $_.Trim() }

$written = 0
function New-Secret([string]$Name, [string]$Value) {
    if (-not $Value) { throw "ensure-secrets: refusing to write an empty $Name." }
    $body = New-TemporaryFile
    try {
        @{ properties = @{ value = $Value; contentType = 'text/plain' } } | ConvertTo-Json -Compress | Set-Content -Path $body -NoNewline -Encoding utf8
        az rest --method put --url "$vault/secrets/${Name}?$api" --body "@$body" --output none
        if ($LASTEXITCODE -ne 0) { throw "ensure-secrets: could not create $Name." }
    }
    finally {
        Remove-Item $body -Force
    }
    $script:written++
    Write-Host "ensure-secrets: created $Name."
}

if ($existing -contains 'subscriptions-address-hash-key') {
    Write-Host 'ensure-secrets: subscriptions-address-hash-key exists; left as it is.'
}
else {
    New-Secret 'subscriptions-address-hash-key' ([Convert]::ToBase64String([Security.Cryptography.RandomNumberGenerator]::GetBytes(48)))
}

foreach ($secret in @(
        @{ Name = 'sendgrid-api-key'; Value = $env:SENDGRID_API_KEY },
        @{ Name = 'sendgrid-webhook-verification-key'; Value = $env:SENDGRID_WEBHOOK_VERIFICATION_KEY })) {
    if ($existing -contains $secret.Name) {
        Write-Host "ensure-secrets: $($secret.Name) exists; left as it is."
    }
    elseif ($secret.Value) {
        New-Secret $secret.Name $secret.Value
    }
    else {
        Write-Host "ensure-secrets: $($secret.Name) is not set yet; emails wait in the outbox until it is (see README, Add the SendGrid keys)."
    }
}

if ($written -gt 0 -and $env:AZURE_FUNCTION_APP_NAME) {
    az rest --method post --output none --url "$group/providers/Microsoft.Web/sites/$env:AZURE_FUNCTION_APP_NAME/config/configreferences/appsettings/refresh?api-version=2022-03-01"
    if ($LASTEXITCODE -ne 0) { Write-Warning 'ensure-secrets: could not ask the app to read its Key Vault references again; it will within a day.' }
}
