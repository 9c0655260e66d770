#!/bin/sh
# azd postdeploy hook: subscribes the function app's blob extension webhook to the upload container's events by
# deploying infra/app/blob-event-subscription.bicep to the resource group. It runs after the code is deployed
# because the webhook key (blobs_extension) exists only then, and Event Grid validates the endpoint on creation.
# The template reads the key itself; it never appears here. Idempotent: safe to re-run after every deploy.
# Needs the Azure CLI, signed in (`az login`) to the tenant of the azd environment.
set -eu

for name in AZURE_SUBSCRIPTION_ID AZURE_RESOURCE_GROUP AZURE_FUNCTION_APP_NAME FEED_EVENT_GRID_SYSTEM_TOPIC \
  FEED_UPLOAD_CONTAINER FEED_BLOB_FUNCTION_NAME; do
  eval "value=\${$name:-}"
  if [ -z "$value" ]; then
    echo "postdeploy: $name is not set; run 'azd provision' first." >&2
    exit 1
  fi
done

if ! command -v az >/dev/null 2>&1; then
  echo "postdeploy: the Azure CLI (az) is required to create the Event Grid subscription." >&2
  exit 1
fi

template="$(cd "$(dirname "$0")/.." && pwd)/app/blob-event-subscription.bicep"

# A freshly deployed Flex Consumption app may need a moment before its host answers the key listing and
# Event Grid's validation handshake: retry a few times.
attempt=1
while :; do
  if az deployment group create \
    --subscription "$AZURE_SUBSCRIPTION_ID" \
    --resource-group "$AZURE_RESOURCE_GROUP" \
    --name feed-blob-event-subscription \
    --template-file "$template" \
    --parameters \
    functionAppName="$AZURE_FUNCTION_APP_NAME" \
    systemTopicName="$FEED_EVENT_GRID_SYSTEM_TOPIC" \
    uploadContainerName="$FEED_UPLOAD_CONTAINER" \
    blobFunctionName="$FEED_BLOB_FUNCTION_NAME" \
    --output none; then
    break
  fi
  if [ "$attempt" -ge 5 ]; then
    echo "postdeploy: could not create the Event Grid subscription after $attempt attempts." >&2
    exit 1
  fi
  echo "postdeploy: attempt $attempt failed; retrying in 30 s." >&2
  attempt=$((attempt + 1))
  sleep 30
done

echo "postdeploy: Event Grid delivers '$FEED_UPLOAD_CONTAINER' events to Host.Functions.$FEED_BLOB_FUNCTION_NAME."
