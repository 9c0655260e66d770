// Event Grid system topic of the storage account. Its subscription to the blob extension webhook needs the
// app's blobs_extension system key, which exists only once the code is deployed: see blob-event-subscription.bicep,
// applied by the azd postdeploy hook (infra/hooks/postdeploy.sh).

@description('Name of the system topic.')
param name string

@description('Location of the system topic (that of the storage account).')
param location string

@description('Tags of the system topic.')
param tags object

@description('Name of the storage account whose events the topic publishes.')
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
