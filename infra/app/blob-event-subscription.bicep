// Event Grid subscription that delivers upload-container events to the function app's blob extension webhook
// (Event Grid based blob trigger). Deployed on its own, after the code: the webhook key (blobs_extension) exists
// only once the app runs, and Event Grid validates the endpoint when the subscription is created. The azd
// postdeploy hook (infra/hooks/postdeploy.sh) applies this file to the resource group; it is idempotent.
// The key is read inside the deployment and never passes through a shell or an output.
targetScope = 'resourceGroup'

@description('Name of the function app.')
param functionAppName string

@description('Name of the storage account\'s Event Grid system topic.')
param systemTopicName string

@description('Upload container whose events are delivered.')
param uploadContainerName string

@description('Name of the blob-triggered function (Feed.Functions.FunctionNames.IngestUpload).')
param blobFunctionName string = 'IngestUpload'

@description('Name of the event subscription.')
param subscriptionName string = 'uploads-to-${blobFunctionName}'

@description('Event types delivered. The blob extension queues every event it receives, but for a deleted blob it finds nothing to run on and drops it: deletes are handled by the ReconcileUploads timer.')
param includedEventTypes string[] = [
  'Microsoft.Storage.BlobCreated'
  'Microsoft.Storage.BlobDeleted'
]

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

// Microsoft.Web/sites/host has no Bicep type, so its keys are listed by resource id (POST .../host/default/listkeys).
var blobsExtensionKey = listKeys('${functionApp.id}/host/default', '2024-04-01').systemKeys.blobs_extension
var webhookUrl = 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${blobFunctionName}&code=${blobsExtensionKey}'

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: subscriptionName
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: webhookUrl
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: includedEventTypes
      subjectBeginsWith: '/blobServices/default/containers/${uploadContainerName}/'
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output name string = subscription.name
