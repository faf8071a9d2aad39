// One secret in an existing key vault.

@description('Name of the key vault.')
param keyVaultName string

@description('Name of the secret.')
param name string

@secure()
@description('Value of the secret; may be empty, to be filled in later with az keyvault secret set.')
param value string

@description('Content type shown in the portal, to say what the value is.')
param contentType string = 'text/plain'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: name
  properties: {
    value: value
    contentType: contentType
  }
}

output name string = secret.name
