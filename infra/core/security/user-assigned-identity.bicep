// The identity the Function App runs as: storage, Key Vault and Application Insights trust it, not keys.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region for the identity.')
param location string = resourceGroup().location

@description('Tags for the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
