package dev.medspa.support.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Keeps, for each id, the highest version of an entity seen: a redelivered or older
 * version changes nothing. The database decides in one conditional upsert, so two
 * consumers racing on the same id cannot go backwards.
 */
public final class VersionedDocuments {

	public static final String VERSION = "version";

	private final MongoTemplate mongo;

	public VersionedDocuments(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Stores the state unless a version at least as new is stored already.
	 * @param state a mapped document class with an {@code id} and a {@code version}
	 * property
	 * @return true if it was stored
	 */
	public boolean saveIfNewer(String collection, String id, long version, Object state) {
		Document document = new Document();
		this.mongo.getConverter().write(state, document);
		document.remove("_id");
		document.remove("_class");
		document.put(VERSION, version);
		try {
			UpdateResult result = this.mongo.getCollection(collection)
				.updateOne(Filters.and(Filters.eq("_id", id), Filters.lt(VERSION, version)),
						new Document("$set", document), new UpdateOptions().upsert(true));
			return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

}
