package dev.medspa.intake.persistence;

import java.util.List;
import java.util.Optional;

import dev.medspa.intake.form.FormStore;
import dev.medspa.intake.form.FormTemplate;
import dev.medspa.intake.form.FormVersion;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Templates and versions in MongoDB; a version's id makes publishing it twice fail. */
@Repository
class MongoFormStore implements FormStore {

	private final MongoTemplate mongo;

	MongoFormStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public Optional<FormTemplate> template(String id) {
		return Optional.ofNullable(this.mongo.findById(id, FormTemplate.class));
	}

	@Override
	public List<FormTemplate> templates() {
		return this.mongo.find(new Query().with(Sort.by("_id")), FormTemplate.class);
	}

	@Override
	public List<FormTemplate> templatesFor(String treatmentId) {
		return this.mongo.find(Query.query(Criteria.where("treatmentIds").is(treatmentId)), FormTemplate.class);
	}

	@Override
	public Optional<FormVersion> version(String templateId, long version) {
		return Optional.ofNullable(this.mongo.findById(FormVersion.idOf(templateId, version), FormVersion.class));
	}

	@Override
	public List<FormVersion> versions(String templateId) {
		return this.mongo.find(Query.query(Criteria.where("templateId").is(templateId)), FormVersion.class)
			.stream()
			.sorted(java.util.Comparator.comparingLong(FormVersion::version).reversed())
			.toList();
	}

	@Override
	public boolean insertTemplate(FormTemplate template) {
		try {
			this.mongo.insert(template);
			return true;
		}
		catch (DuplicateKeyException exists) {
			return false;
		}
	}

	@Override
	public boolean insertVersion(FormVersion version) {
		try {
			this.mongo.insert(version);
			return true;
		}
		catch (DuplicateKeyException exists) {
			return false;
		}
	}

	@Override
	public boolean advance(String templateId, long expectedVersion, long nextVersion, List<String> treatmentIds) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(templateId).and("currentVersion").is(expectedVersion)),
					new Update().set("currentVersion", nextVersion).set("treatmentIds", treatmentIds),
					FormTemplate.class)
			.getModifiedCount() == 1;
	}

}
