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
@description('Azure region for every resource: one that offers the Flex Consumption plan (uksouth and ukwest do). The list is the Flex Consumption quickstart\'s (Azure-Samples/functions-quickstart-dotnet-azd), less its early-access region.')
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
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

@description('Most instances the Function App scales out to; a cap on cost during a burst. 40 is the least Flex Consumption accepts.')
@minValue(40)
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

@description('Whether Key Vault keeps deleted secrets (and the vault) until their retention ends, even from the subscription owner, so the address-hash key cannot be lost for good. Cannot be undone once on; turn it off only for throw-away environments.')
param keyVaultPurgeProtection bool = true

@description('Email address told when Log Analytics reaches its daily cap and starts dropping telemetry; empty to see the alert only in the portal.')
param alertEmail string = ''

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
// No secret is written here. ARM can only overwrite a secret, never "create it if absent", so the
// postprovision hook (infra/hooks/ensure-secrets.sh) asks the vault which secrets exist and creates only
// the missing ones: the address-hash key once, and the SendGrid keys when azd has a value for them.

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
    staticWebsite: true
    indexDocument: 'index.html'
    errorDocument404Path: '404.html'
    // Everything the hub uses (functions/CoproWeek.Hub/Storage/HubStorage.cs and Triggers.Queues, each
    // queue with its -poison twin), so an instance starts against storage that is all there. $web is
    // made by the static website. An infrastructure test holds these lists to the hub's.
    containers: [
      deploymentContainerName
      'submissions'
      'outbox'
      'coproweek-hosts'
      'digests'
      'limits'
    ]
    tables: [
      'Submissions'
      'ModerationLog'
      'Subscribers'
      'Digests'
      'Moderators'
      'Idempotency'
      'Published'
      'EmailLedger'
      'SiteIndex'
      'DigestLedger'
      'Suppression'
      'Contacts'
      'EmailEvents'
    ]
    queues: [
      'moderation'
      'moderation-poison'
      'publish'
      'publish-poison'
      'indexes'
      'indexes-poison'
      'digest'
      'digest-poison'
      'email'
      'email-poison'
    ]
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
    alertEmail: alertEmail
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
  // The app should start with its roles in place, so its Key Vault references resolve once the secrets exist.
  dependsOn: [
    rbac
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
