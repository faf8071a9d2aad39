// CoproWeek on Azure: `azd up` provisions this, then deploys functions/CoproWeek.Functions.
// One resource group holding a Flex Consumption Function App, one storage account (tables, queues,
// blobs and the static website), Application Insights on Log Analytics, a Key Vault and the
// user-assigned identity the app runs as. No keys or connection strings: every link is Entra ID.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment (such as "prod"); it names the resource group and seeds the other names.')
param environmentName string

@minLength(1)
@description('Azure region for every resource. It must offer the Flex Consumption plan (uksouth does).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@minLength(3)
@description('Address the hub sends email from; verify it (or its domain) in SendGrid first. azd asks for it on the first provision and remembers it.')
param sendGridFromEmail string

@description('Name the hub sends email as.')
param sendGridFromName string = 'Co-production Week'

@secure()
@description('SendGrid API key. Leave empty to fill the secret later with az keyvault secret set; until then emails wait in the outbox container.')
param sendGridApiKey string = ''

@secure()
@description('Public key SendGrid signs its event webhook with (base64). Leave empty to fill it later.')
param sendGridWebhookVerificationKey string = ''

@secure()
@description('Key the hub hashes suppressed email addresses with. Generated on the first provision and kept after that.')
param subscriptionsAddressHashKey string = '${newGuid()}${newGuid()}'

@description('The key vault azd recorded from an earlier provision of this environment (AZURE_KEY_VAULT_NAME). When set, a secret whose parameter is empty is left as it is in the vault, so keys set with az keyvault secret set survive the next azd provision.')
param existingKeyVaultName string = ''

@description('Custom domain of the public site (such as "www.coproductionweek.org.uk"), served through a CDN or Front Door; empty to use the storage account\'s static website address.')
param customDomain string = ''

@description('When the weekly digest goes out: six-field NCrontab (seconds minutes hours day month weekday), in UTC.')
param digestWeeklySchedule string = '0 0 7 * * 1'

@description('When the daily digest goes out: six-field NCrontab, in UTC.')
param digestDailySchedule string = '0 0 7 * * *'

@description('When expired idempotency keys, throttles and sessions are removed: six-field NCrontab, in UTC.')
param cleanupSchedule string = '0 30 3 * * *'

@description('Memory of each Function App instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the Function App scales out to; a cap on cost during a burst.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Redundancy of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Whether Key Vault keeps deleted secrets until their retention ends, even from the subscription owner. Cannot be undone once on.')
param keyVaultPurgeProtection bool = false

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'coproweek'
}
var functionAppName = 'func-coproweek-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'
var keyVaultName = 'kv-${resourceToken}'
var secretNames = {
  sendGridApiKey: 'sendgrid-api-key'
  sendGridWebhookVerificationKey: 'sendgrid-webhook-verification-key'
  addressHashKey: 'subscriptions-address-hash-key'
}
// On the first provision every secret is written (empty if no value was given); after that only
// those given a value are, so nothing set by hand in the vault is overwritten.
var firstProvision = empty(existingKeyVaultName)

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'core/security/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: 'id-coproweek-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    sku: storageSku
    containers: [deploymentContainerName]
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-coproweek-${resourceToken}'
    applicationInsightsName: 'appi-coproweek-${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'core/security/key-vault.bicep' = {
  name: 'key-vault'
  scope: resourceGroup
  params: {
    name: keyVaultName
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

module sendGridApiKeySecret 'core/security/key-vault-secret.bicep' = if (firstProvision || !empty(sendGridApiKey)) {
  name: 'secret-sendgrid-api-key'
  scope: resourceGroup
  params: {
    keyVaultName: keyVault.outputs.name
    name: secretNames.sendGridApiKey
    value: sendGridApiKey
  }
}

module sendGridWebhookKeySecret 'core/security/key-vault-secret.bicep' = if (firstProvision || !empty(sendGridWebhookVerificationKey)) {
  name: 'secret-sendgrid-webhook-verification-key'
  scope: resourceGroup
  params: {
    keyVaultName: keyVault.outputs.name
    name: secretNames.sendGridWebhookVerificationKey
    value: sendGridWebhookVerificationKey
  }
}

// Only ever written once: a new key would orphan every hash already stored.
module addressHashKeySecret 'core/security/key-vault-secret.bicep' = if (firstProvision) {
  name: 'secret-subscriptions-address-hash-key'
  scope: resourceGroup
  params: {
    keyVaultName: keyVault.outputs.name
    name: secretNames.addressHashKey
    value: subscriptionsAddressHashKey
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: resourceGroup
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: resourceGroup
  // The app should start with its roles and secrets in place, so its first Key Vault references resolve.
  dependsOn: [
    rbac
    sendGridApiKeySecret
    sendGridWebhookKeySecret
    addressHashKeySecret
  ]
  params: {
    name: functionAppName
    planName: 'plan-coproweek-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    publicUrl: empty(customDomain) ? storage.outputs.webEndpoint : 'https://${customDomain}/'
    sendGridApiKeyUri: '${keyVault.outputs.uri}secrets/${secretNames.sendGridApiKey}'
    sendGridWebhookVerificationKeyUri: '${keyVault.outputs.uri}secrets/${secretNames.sendGridWebhookVerificationKey}'
    addressHashKeyUri: '${keyVault.outputs.uri}secrets/${secretNames.addressHashKey}'
    sendGridFromEmail: sendGridFromEmail
    sendGridFromName: sendGridFromName
    digestWeeklySchedule: digestWeeklySchedule
    digestDailySchedule: digestDailySchedule
    cleanupSchedule: cleanupSchedule
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
}

// azd saves these in .azure/<environment>/.env; azure.yaml's hook and the docs use them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output SITE_PUBLIC_URL string = empty(customDomain) ? storage.outputs.webEndpoint : 'https://${customDomain}/'
output SITE_API_URL string = api.outputs.uri
