// The CoproWeek hub as a Flex Consumption Function App, with every setting the hub reads. Secrets
// are Key Vault references; storage is reached with the managed identity (no connection string).

@description('Name of the Function App.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string = resourceGroup().location

@description('Tags.')
param tags object = {}

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity, for AzureWebJobsStorage and Application Insights.')
param identityClientId string

@description('Name of the storage account for tables, queues, blobs and the static website.')
param storageAccountName string

@description('Blob endpoint of that storage account.')
param storageBlobEndpoint string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string (not a secret: local authentication is off).')
param applicationInsightsConnectionString string

@description('Public site URL: the static website endpoint or the custom domain.')
param publicUrl string

@description('Versionless Key Vault URI of the SendGrid API key.')
param sendGridApiKeyUri string

@description('Versionless Key Vault URI of the SendGrid webhook verification key.')
param sendGridWebhookVerificationKeyUri string

@description('Versionless Key Vault URI of the key that hashes suppressed email addresses.')
param addressHashKeyUri string

@description('Sender address of the hub\'s emails.')
param sendGridFromEmail string

@description('Sender name of the hub\'s emails.')
param sendGridFromName string

@description('Weekly digest schedule: six-field NCrontab, UTC.')
param digestWeeklySchedule string

@description('Daily digest schedule: six-field NCrontab, UTC.')
param digestDailySchedule string

@description('Clean-up of expired rows: six-field NCrontab, UTC.')
param cleanupSchedule string

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the app scales out to; 40 is the least Flex Consumption accepts.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

// CORS wants an origin, which has no trailing slash.
var publicOrigin = endsWith(publicUrl, '/') ? take(publicUrl, max(length(publicUrl) - 1, 0)) : publicUrl

module functionApp '../core/host/functions-flex-consumption.bicep' = {
  name: 'function-app'
  params: {
    name: name
    planName: planName
    location: location
    tags: tags
    azdServiceName: 'api'
    identityId: identityId
    deploymentBlobEndpoint: storageBlobEndpoint
    deploymentContainerName: deploymentContainerName
    runtimeName: 'dotnet-isolated'
    runtimeVersion: '10.0'
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    allowedOrigins: [publicOrigin]
    selfUrlSettingName: 'Site__ApiUrl'
    appSettings: {
      AzureWebJobsStorage__accountName: storageAccountName
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      Site__PublicUrl: publicUrl
      SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${sendGridApiKeyUri})'
      SendGrid__WebhookVerificationKey: '@Microsoft.KeyVault(SecretUri=${sendGridWebhookVerificationKeyUri})'
      SendGrid__FromEmail: sendGridFromEmail
      SendGrid__FromName: sendGridFromName
      Subscriptions__AddressHashKey: '@Microsoft.KeyVault(SecretUri=${addressHashKeyUri})'
      // Timer schedules are UTC; Triggers.cs reads them as %DigestWeeklySchedule%, %DigestDailySchedule% and %CleanupSchedule%.
      DigestWeeklySchedule: digestWeeklySchedule
      DigestDailySchedule: digestDailySchedule
      CleanupSchedule: cleanupSchedule
    }
  }
}

output name string = functionApp.outputs.name
output uri string = 'https://${functionApp.outputs.defaultHostName}'
